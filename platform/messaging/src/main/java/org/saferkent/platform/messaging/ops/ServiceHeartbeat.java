package org.saferkent.platform.messaging.ops;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * An instance is alive, with its outbox figures: sent every {@code saferkent.ops-events.heartbeat-interval}
 * so operations see each service's backlog (and that it is there at all) without asking it.
 * Key and subject: the service name.
 *
 * @param backlog     documents holding unpublished events (latest measurement)
 * @param backlogHigh whether that backlog is above the threshold ({@link OutboxBacklogHigh} was reported)
 * @param published   events this instance's relay has published since it started
 */
@EventType("ops.ServiceHeartbeat.v1")
public record ServiceHeartbeat(String service, String instance, long backlog, boolean backlogHigh, long published,
        Instant at) {
}
