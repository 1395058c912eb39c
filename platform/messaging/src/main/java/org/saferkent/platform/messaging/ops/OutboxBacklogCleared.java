package org.saferkent.platform.messaging.ops;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** The outbox backlog reported by {@link OutboxBacklogHigh} has drained. Key and subject: the service name. */
@EventType("ops.OutboxBacklogCleared.v1")
public record OutboxBacklogCleared(String service, String instance, long backlog, long threshold, Instant clearedAt) {
}
