package org.saferkent.platform.messaging.ops;

import java.time.Instant;
import java.util.Map;

import org.saferkent.platform.events.EventType;

/**
 * The service's outbox backlog (documents holding events the relay has not yet published) reached
 * the threshold. Reported once on crossing; {@link OutboxBacklogCleared} follows on recovery. Key and
 * subject: the service name.
 */
@EventType("ops.OutboxBacklogHigh.v1")
public record OutboxBacklogHigh(String service, String instance, long backlog, long threshold,
        Map<String, Long> byCollection, Instant detectedAt) {
}
