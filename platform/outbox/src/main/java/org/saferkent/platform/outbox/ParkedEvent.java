package org.saferkent.platform.outbox;

import java.time.Instant;

/**
 * An outbox event the broker refused for good (too large, an invalid topic, ...), set aside in its
 * aggregate's document ({@code parkedEvents}) so that the aggregate's later events could flow. It
 * stays there until an operator retries it. What is shown of it carries no payload.
 *
 * @param reason the class name of the broker's refusal
 */
public record ParkedEvent(String collection, String aggregateId, String eventId, String eventType, String topic,
        String reason, Instant parkedAt) {
}
