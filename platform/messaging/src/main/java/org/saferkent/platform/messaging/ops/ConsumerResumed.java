package org.saferkent.platform.messaging.ops;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * A consumer reported by {@link ConsumerPaused} handled a record again: the outage is over and the
 * records held up meanwhile are being applied. Key and subject: {@code <service>/<topic>}.
 *
 * @param pausedSeconds how long it was held up, from the failure that paused it
 */
@EventType("ops.ConsumerResumed.v1")
public record ConsumerResumed(String service, String instance, String consumerGroup, String topic, Instant pausedAt,
        Instant resumedAt, long pausedSeconds) {
}
