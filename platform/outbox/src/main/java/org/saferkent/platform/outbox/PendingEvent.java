package org.saferkent.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;

/**
 * An event waiting in its aggregate's document until the broker has acknowledged it (the outbox
 * record: id, aggregate, type, time, payload — after Debezium's outbox shape).
 */
public record PendingEvent(String topic, String key, EventMetadata metadata, String payload) {

    static final String EVENT_ID = "eventId";

    Document toDocument() {
        return new Document(EVENT_ID, metadata.id())
                .append("topic", topic)
                .append("key", key)
                .append("type", metadata.type())
                .append("source", metadata.source())
                .append("subject", metadata.subject())
                .append("time", Date.from(metadata.time()))
                .append("correlationId", metadata.correlationId())
                .append("causationId", metadata.causationId())
                .append("aggregateVersion", metadata.aggregateVersion())
                .append("traceparent", metadata.traceparent())
                .append("payload", payload);
    }

    static PendingEvent fromDocument(Document doc) {
        EventMetadata metadata = new EventMetadata(
                doc.getString(EVENT_ID),
                doc.getString("type"),
                doc.getString("source"),
                doc.getString("subject"),
                doc.getDate("time").toInstant(),
                doc.getString("correlationId"),
                doc.getString("causationId"),
                ((Number) doc.get("aggregateVersion")).longValue(),
                doc.getString("traceparent"));
        return new PendingEvent(doc.getString("topic"), doc.getString("key"), metadata, doc.getString("payload"));
    }

    ProducerRecord<String, byte[]> toRecord() {
        return toRecord(metadata.traceparent());
    }

    /** The record to send, carrying {@code traceparent} (the relay's span for this send) as {@code ce_traceparent}. */
    ProducerRecord<String, byte[]> toRecord(String traceparent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(new EventMetadata(metadata.id(), metadata.type(), metadata.source(), metadata.subject(),
                metadata.time(), metadata.correlationId(), metadata.causationId(), metadata.aggregateVersion(), traceparent),
                record.headers());
        return record;
    }

    Instant time() {
        return metadata.time();
    }
}
