package org.saferkent.platform.outbox;

/**
 * An event for a topic other than the aggregate's own (for example an {@code ops.events} record
 * about the aggregate), still written atomically with the change and relayed by the outbox.
 */
public record ToTopic(String topic, Object event) {
}
