package org.saferkent.platform.messaging.ops;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * A consumer is held up by an outage of what it depends on (its store unreachable or timing out, the
 * broker not acknowledging): it retries the record it is on without limit instead of dead-lettering it,
 * and reads nothing further from the topic until the outage ends ({@link ConsumerResumed}). Reported
 * once per outage. Key and subject: {@code <service>/<topic>}. Names no record and carries no data.
 *
 * @param reason the failure's class name, e.g. {@code com.mongodb.MongoSocketOpenException}
 */
@EventType("ops.ConsumerPaused.v1")
public record ConsumerPaused(String service, String instance, String consumerGroup, String topic, String reason,
        Instant pausedAt) {
}
