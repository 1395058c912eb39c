package org.saferkent.platform.messaging;

/**
 * What the consumers count: records handled per subscription and records dead-lettered. Backed by
 * Micrometer when the service has it ({@code saferkent.messaging.processed},
 * {@code saferkent.messaging.dead.letters}); otherwise counts nothing.
 */
public interface MessagingMetrics {

    MessagingMetrics NONE = new MessagingMetrics() {
        @Override
        public void processed(String group, String topic, String type) {
        }

        @Override
        public void deadLettered(String group, String topic, String failure) {
        }
    };

    /** An event was handled by its subscription's handler. */
    void processed(String group, String topic, String type);

    /** A record was set aside on a dead-letter topic. */
    void deadLettered(String group, String topic, String failure);
}
