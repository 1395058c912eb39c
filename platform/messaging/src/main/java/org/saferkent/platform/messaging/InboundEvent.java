package org.saferkent.platform.messaging;

import org.saferkent.platform.events.EventMetadata;

/**
 * An event as a consumer sees it: its envelope, the consumer's own tolerant reading of the payload,
 * and where it came from.
 */
public record InboundEvent<T>(EventMetadata metadata, T payload, String topic, int partition, long offset) {

    public String id() {
        return metadata.id();
    }

    public String type() {
        return metadata.type();
    }
}
