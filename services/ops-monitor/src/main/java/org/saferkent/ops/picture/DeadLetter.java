package org.saferkent.ops.picture;

import java.time.Instant;

/**
 * A record set aside on a dead-letter topic: where it came from and why. Its payload stays on the
 * topic and is not copied here (it may hold personal data).
 */
public record DeadLetter(String id, String topic, int partition, long offset, String originalTopic, String consumerGroup,
        String service, String failure, String reason, String eventType, String eventId, String failedAt, Instant seenAt) {
}
