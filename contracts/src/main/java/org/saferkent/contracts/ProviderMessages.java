package org.saferkent.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import au.com.dius.pact.provider.MessageAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventTracing;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.WireNames;

/**
 * Builds the message a provider really publishes, for {@code @PactVerifyProvider} methods: the
 * producer's own event record, its {@code @EventType} wire name, the same {@link EventJson}
 * serialisation and the same {@link CloudEventHeaders} the outbox relay writes. Renaming a record
 * component, changing a wire name or a header therefore shows up in verification.
 */
public final class ProviderMessages {

    private static final EventJson JSON = new EventJson();

    private ProviderMessages() {
    }

    /**
     * What the outbox relay sends for {@code event} of aggregate {@code aggregateId} (key = subject),
     * as {@code AggregateStore} stores it: a fresh id, the service's source, the current correlation.
     */
    public static MessageAndMetadata outboxEvent(String service, String aggregateId, long aggregateVersion, Object event) {
        EventTracing.Origin origin = EventTracing.standalone().current();
        EventMetadata metadata = new EventMetadata(UUID.randomUUID().toString(), WireNames.of(event.getClass()),
                new EventSource(service).uri(), aggregateId, Instant.now(), origin.correlationId(),
                origin.causationId(), aggregateVersion, origin.traceparent());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("any", aggregateId,
                JSON.writeString(event).getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(metadata, record.headers());
        return of(record);
    }

    /** A record exactly as built for the producer: value as the body, every header as metadata. */
    public static MessageAndMetadata of(ProducerRecord<String, byte[]> record) {
        return new MessageAndMetadata(record.value(), metadata(record.headers()));
    }

    static Map<String, Object> metadata(Iterable<Header> headers) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (Header header : headers) {
            if (header.value() != null) {
                metadata.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return metadata;
    }

    /** Headers of a record, for tests that change one. */
    public static RecordHeaders copy(Iterable<Header> headers) {
        RecordHeaders copy = new RecordHeaders();
        headers.forEach(copy::add);
        return copy;
    }
}
