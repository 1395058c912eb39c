package org.saferkent.platform.messaging.ops;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * A record a consumer could not process was set aside on a dead-letter topic. Names where it came
 * from and why, never what it contained.
 *
 * @param failure {@code INVALID} (never retried: it cannot succeed as it stands) or {@code TRANSIENT}
 *                (retried with backoff, still failing)
 */
@EventType("ops.DeadLetterRecorded.v1")
public record DeadLetterRecorded(
        String service,
        String consumerGroup,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        String deadLetterTopic,
        String failure,
        String reason,
        String eventId,
        String eventType,
        Instant recordedAt) {
}
