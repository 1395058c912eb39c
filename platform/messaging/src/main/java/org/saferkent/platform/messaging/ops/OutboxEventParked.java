package org.saferkent.platform.messaging.ops;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * The outbox relay set an event aside because the broker refused it for good ({@code reason}: the
 * refusal's class name, e.g. {@code org.apache.kafka.common.errors.RecordTooLargeException}); the
 * aggregate's later events go on. The event waits in its document until an operator retries it
 * ({@code POST /api/outbox/parked/{eventId}/retry}). Published by platform/outbox's relay itself, as an
 * outbox event of the same document (the outbox cannot depend on this module: it writes these same
 * fields); this record is the contract. Ids, names and a class name only, never the payload. Key and
 * subject: the aggregate id.
 */
@EventType("ops.OutboxEventParked.v1")
public record OutboxEventParked(String service, String collection, String aggregateId, String eventType, String eventId,
        String topic, String reason, Instant parkedAt) {
}
