package org.saferkent.platform.outbox;

import java.time.Instant;

/**
 * The payload of {@value #TYPE} on {@code ops.events}, which the relay publishes (as an outbox event of
 * the same document) when it parks an event. Its contract is the record of the same name in platform
 * messaging's ops events and {@code contracts/schemas/ops}; the outbox cannot depend on messaging, so it
 * writes the same fields itself. Ids, names and a class name only: no payload, no personal data.
 */
record OutboxEventParked(String service, String collection, String aggregateId, String eventType, String eventId,
        String topic, String reason, Instant parkedAt) {

    static final String TYPE = "ops.OutboxEventParked.v1";
}
