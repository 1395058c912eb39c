package org.saferkent.commissioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.saferkent.platform.test.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commissioning service as it runs: real HTTP, the real broker and store. Every integration test
 * class extends this one, so they share one application context (but {@link FeedFollowsFactsIT}).
 * Besides the runs a fact written wakes, performance is swept every 200 ms (3 s in production), so
 * that contract changes need not wait long. Each test class works in years of its own (contracts and
 * events), so that their numbers never mix.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "spring.config.name=commissioning",
        "saferkent.commissioning.performance.refresh-interval=200ms",
        // a short refresh lease: what a crashed holder leaves is taken over within seconds (AbandonedRebuildIT waits for it)
        "saferkent.commissioning.performance.lease=8s",
        "saferkent.commissioning.performance.lease-renewal=1s"})
@WithRealInfrastructure
public abstract class CommissioningIntegrationTest {

    protected static final String CONTRACT_TOPIC = "commissioning.contract.events";
    /** Exact snapshots, read inside the partnership. */
    protected static final String FEED_TOPIC = "commissioning.feed";
    /** The PCC office's feed: the same changes under disclosure control, and Kent totals. */
    protected static final String PCC_FEED_TOPIC = "commissioning.pcc-feed";
    protected static final String PROBLEM_JSON = "application/problem+json";
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final Duration WAIT = Duration.ofSeconds(30);
    /** The PCC's office reads and manages contracts and performance. */
    protected static final String PCC_OFFICE = "pcc-office";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    // ---------------------------------------------------------------- contracts

    /** Registers a contract and returns its id. */
    protected String register(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/contracts", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asString();
    }

    protected static String contract(String provider, List<String> pathways, List<String> districts, String start, String end,
            String value, String targets) {
        return """
                {"provider":"%s","service":"Commissioned service","pathways":%s,"districts":%s,
                 "period":{"start":"%s","end":"%s"},"value":%s,"targets":%s}"""
                .formatted(provider, JSON.writeValueAsString(pathways), JSON.writeValueAsString(districts), start, end, value, targets);
    }

    // ---------------------------------------------------------------- reading the projection

    /** The collection of the projection version read now (a rebuild moves it to {@code <base>_v<n>}). */
    protected String currentCollection(String base) {
        Document pointer = mongo.getCollection("projection_versions").find(new Document("_id", "activity")).first();
        int version = pointer == null ? 0 : ((Number) pointer.get("current")).intValue();
        return version == 0 ? base : base + "_v" + version;
    }

    /**
     * The cell as the projection holds it, exact, in the shape of a feed entry, if there is one (not removed): the
     * projection's arithmetic is checked on exact figures, what the PCC's office is shown of them by
     * {@link #publishedCell}.
     */
    protected Optional<JsonNode> cell(String contractId, String district, String quarter) {
        Document stored = mongo.getCollection(currentCollection("performance"))
                .find(new Document("_id", contractId + "|" + district + "|" + quarter)).first();
        if (stored == null || Boolean.TRUE.equals(stored.getBoolean("removed"))) {
            return Optional.empty();
        }
        var entry = JSON.createObjectNode();
        entry.put("sequence", ((Number) stored.get("sequence")).longValue());
        entry.put("key", stored.getString("_id"));
        entry.put("contractId", contractId);
        entry.put("district", district);
        entry.put("quarter", quarter);
        entry.put("removed", false);
        entry.set("performance", JSON.readTree(stored.get("snapshot", Document.class).toJson()));
        return Optional.of(entry);
    }

    /** The cell as served to the PCC's office by {@code GET /api/commissioning/performance}, if there is one. */
    protected Optional<JsonNode> publishedCell(String contractId, String district, String quarter) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/commissioning/performance?contractId=" + contractId + "&district=" + district
                + "&quarter=" + quarter);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).valueStream().findFirst();
    }

    /** Waits (bounded) until the cell satisfies {@code until}, and returns it. */
    protected JsonNode awaitCell(String contractId, String district, String quarter, Predicate<JsonNode> until) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Optional<JsonNode> cell = cell(contractId, district, quarter);
            cell.ifPresent(found::set);
            return cell.isPresent() && until.test(cell.get());
        });
        return found.get();
    }

    protected static Predicate<JsonNode> count(String name, long value) {
        return cell -> cell.path("performance").path("counts").path(name).asLong() == value;
    }

    protected static List<ConsumerRecord<String, byte[]>> records(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        return TopicRecords.matching(topic, match);
    }

    protected static Predicate<ConsumerRecord<String, byte[]>> ofType(String type) {
        return TopicRecords.headerEquals(CloudEventHeaders.TYPE, type);
    }

    protected static Predicate<ConsumerRecord<String, byte[]>> keyed(String key) {
        return record -> key.equals(record.key());
    }

    protected static List<String> errorFields(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    // ---------------------------------------------------------------- inbound events

    /** Publishes as the producer does: key = aggregate id, JSON value, CloudEvents headers. */
    protected static void publish(PartnershipEvents.Event event) {
        ProducerRecord<String, byte[]> record = event.record(JSON);
        TopicRecords.send(record);
    }

    /** Several events, in order, through one producer (a producer per event costs a connection each). */
    protected static void publishAll(List<PartnershipEvents.Event> events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (PartnershipEvents.Event event : events) {
                acks.add(producer.send(event.record(JSON)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send the test events", e);
        }
    }

    // ---------------------------------------------------------------- HTTP

    protected HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", Tokens.bearer(PCC_OFFICE)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", Tokens.bearer(PCC_OFFICE));
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return HTTP.send(request.timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
