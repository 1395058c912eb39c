package org.saferkent.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks records against the published event catalogue, {@code contracts/schemas/<prefix>/<wire-name>.schema.json}
 * (prefix = the wire name's first part): the CloudEvents headers every record must carry, a schema
 * for its type, the topic the schema names for it ({@code x-cloudevents.topic}), and a payload that
 * validates. Producers' tests run what they actually published
 * through it, so the catalogue cannot drift from the code silently.
 */
public final class EventCatalogue {

    /** Headers every event record carries (CloudEvents 1.0 Kafka binding, binary mode, plus ours). */
    public static final List<String> REQUIRED_HEADERS = List.of("ce_id", "ce_type", "ce_source", "ce_specversion",
            "ce_time", "ce_subject", "ce_correlationid", "ce_traceparent", "content-type");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, String> TOPICS = new ConcurrentHashMap<>();

    private EventCatalogue() {
    }

    /** Every way {@code record} breaks the catalogue; empty when it conforms. */
    public static List<String> violations(ConsumerRecord<String, byte[]> record) {
        List<String> problems = new ArrayList<>();
        for (String name : REQUIRED_HEADERS) {
            Header header = record.headers().lastHeader(name);
            if (header == null || header.value() == null || header.value().length == 0) {
                problems.add("missing header " + name);
            }
        }
        String type = TopicRecords.header(record, "ce_type");
        if (!"1.0".equals(TopicRecords.header(record, "ce_specversion"))) {
            problems.add("ce_specversion is not 1.0");
        }
        if (record.key() != null && !record.key().equals(TopicRecords.header(record, "ce_subject"))) {
            problems.add("ce_subject differs from the record key");
        }
        if (!"application/json".equals(TopicRecords.header(record, "content-type"))) {
            problems.add("content-type is not application/json");
        }
        if (type == null) {
            return problems;
        }
        Path file = schemaFile(type);
        if (!Files.exists(file)) {
            problems.add("no schema for " + type + " at " + file);
            return problems;
        }
        String topic = topic(type, file);
        if (topic.isEmpty()) {
            problems.add(type + ": its schema names no topic (x-cloudevents.topic)");
        } else if (!topic.equals(record.topic())) {
            problems.add(type + ": published on " + record.topic() + ", the catalogue puts it on " + topic);
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            problems.add(type + ": payload is not JSON");
            return problems;
        }
        schema(type, file).validate(payload).forEach(error -> problems.add(type + ": " + error));
        return problems;
    }

    /** The folder holding the catalogue: found by walking up from the working directory. */
    public static Path schemasDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("contracts/schemas");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("contracts/schemas not found above " + Path.of("").toAbsolutePath());
    }

    public static Path schemaFile(String wireName) {
        return schemasDirectory().resolve(wireName.substring(0, wireName.indexOf('.'))).resolve(wireName + ".schema.json");
    }

    private static String topic(String type, Path file) {
        return TOPICS.computeIfAbsent(type, t -> {
            try {
                JsonNode topic = JSON.readTree(Files.readString(file)).path("x-cloudevents").path("topic");
                return topic.isString() ? topic.asString() : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Schema schema(String type, Path file) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try {
                return REGISTRY.getSchema(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
