package org.saferkent.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import au.com.dius.pact.core.model.messaging.Message;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventMetadata;

/**
 * Feeds a pact's example message through what a consumer really runs: the record's headers through
 * {@link CloudEventHeaders#read} (the envelope check every subscription makes) and its value through
 * {@link EventJson#read} into the consumer's own tolerant record.
 */
public final class PactMessages {

    private static final EventJson JSON = new EventJson();

    private PactMessages() {
    }

    /** The message's metadata as the Kafka headers it stands for. */
    public static Headers headers(Message message) {
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, Object> entry : message.getMetadata().entrySet()) {
            if (entry.getValue() != null) {
                headers.add(entry.getKey(), String.valueOf(entry.getValue()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    public static EventMetadata envelope(Message message) {
        return CloudEventHeaders.read(headers(message));
    }

    public static <T> T payload(Message message, Class<T> type) {
        return JSON.read(message.contentsAsBytes(), type);
    }
}
