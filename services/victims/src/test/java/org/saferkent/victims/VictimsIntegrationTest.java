package org.saferkent.victims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.test.Tokens;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The victims service as it runs: real HTTP, the real broker and store, a real HTTP server standing
 * in for referrals' claim check, and a clock the tests can move forward. Every integration test
 * class extends this one, so they share one application context.
 *
 * <p>Inbound events are published as referrals publishes them: JSON value, CloudEvents headers, key
 * = referral id. The background deadline scan is slowed to once an hour so that the tests run it
 * themselves; the details retry runs every half second.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "spring.config.name=victims",
        "saferkent.victims.clocks.scan-interval=1h",
        "saferkent.victims.details.retry-interval=500ms",
        "saferkent.victims.details.open-for=500ms",
        "saferkent.victims.details.backoff=20ms",
        "saferkent.victims.details.timeout=2s"})
@WithRealInfrastructure
@Import(VictimsIntegrationTest.TestClock.class)
public abstract class VictimsIntegrationTest {

    protected static final String TOPIC = "victims.case.events";
    protected static final String REFERRALS_TOPIC = "referrals.referral.events";
    protected static final String OPS_TOPIC = "ops.events";
    protected static final String PROBLEM_JSON = "application/problem+json";
    protected static final String PSEUDONYM = "c0ffee".repeat(10) + "c0ff";
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final FakeReferrals REFERRALS = FakeReferrals.start();
    /** Case workers read and work cases, and may see a victim's details. */
    protected static final String CASEWORKER_CLIENT = "victims-caseworker";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        /** Replaces the platform's clock (which stands aside for any other Clock bean). */
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void referralsApi(DynamicPropertyRegistry registry) {
        registry.add("saferkent.victims.referrals-base-url", REFERRALS::baseUrl);
    }

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected MutableClock clock;

    // ---------------------------------------------------------------- inbound events

    /** A referral routed to {@code pathway}, as referrals publishes it; returns the event's id. */
    protected String route(String referralId, String pathway, Map<String, Object> changes) {
        return route(referralId, pathway, changes, UUID.randomUUID().toString());
    }

    protected String route(String referralId, String pathway, Map<String, Object> changes, String eventId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("referralId", referralId);
        payload.put("district", "maidstone");
        payload.put("category", "violent-crime");
        payload.put("flags", List.of());
        payload.put("pathway", pathway);
        payload.put("riskLevel", "standard");
        payload.put("marac", false);
        payload.put("subjectRole", "victim");
        payload.put("subjectPseudonym", PSEUDONYM);
        payload.put("ageBand", "35-49");
        payload.put("vulnerabilities", List.of());
        payload.put("routedAt", clock.instant().toString());
        payload.putAll(changes);
        publish(referralId, "referrals.ReferralRouted.v1", payload, eventId);
        return eventId;
    }

    protected void publish(String referralId, String type, Map<String, Object> payload, String eventId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(REFERRALS_TOPIC, referralId, JSON.writeValueAsBytes(payload));
        CloudEventHeaders.write(new EventMetadata(eventId, type, "/saferkent/referrals", referralId, clock.instant(),
                "it-" + eventId, eventId, 3, "00-" + "ab".repeat(16) + "-" + "cd".repeat(8) + "-01"), record.headers());
        TopicRecords.send(record);
    }

    /** Opens a standard victim's case and waits until it is open, announced and settled (details fetched or none held). */
    protected String openCase(Map<String, Object> changes) {
        String referralId = newReferralId();
        route(referralId, "victim-support", changes);
        String caseId = "vc-" + referralId;
        awaitCase(caseId, c -> !c.path("detailsPending").asBoolean());
        TopicRecords.awaitRecord(TOPIC, ofType("victims.VictimCaseOpened.v1").and(keyed(caseId)));
        awaitOutboxDrained(caseId);
        return caseId;
    }

    protected static String newReferralId() {
        return UUID.randomUUID().toString();
    }

    // ---------------------------------------------------------------- reading the service

    protected JsonNode awaitCase(String caseId, Predicate<JsonNode> until) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> response = get("/api/victim-cases/" + caseId);
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode body = JSON.readTree(response.body());
            found.set(body);
            return until.test(body);
        });
        return found.get();
    }

    /** Waits (bounded) for {@code path} to answer 200, and returns the body. */
    protected JsonNode awaitJson(String path) {
        AtomicReference<JsonNode> body = new AtomicReference<>();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> response = get(path);
            if (response.statusCode() == 200) {
                body.set(JSON.readTree(response.body()));
                return true;
            }
            return false;
        });
        return body.get();
    }

    protected JsonNode readCase(String caseId) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/victim-cases/" + caseId);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Every event of the case has been acknowledged by the broker (so a reader of the topic sees them all). */
    protected void awaitOutboxDrained(String caseId) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            Document doc = mongo.getCollection("victim_cases").find(new Document("_id", caseId)).first();
            return doc != null && doc.getList("pendingEvents", Document.class, List.of()).isEmpty();
        });
    }

    protected static List<ConsumerRecord<String, byte[]>> caseEvents(String caseId) {
        return TopicRecords.matching(TOPIC, keyed(caseId));
    }

    protected static Predicate<ConsumerRecord<String, byte[]>> ofType(String type) {
        return TopicRecords.headerEquals(CloudEventHeaders.TYPE, type);
    }

    protected static Predicate<ConsumerRecord<String, byte[]>> keyed(String key) {
        return record -> key.equals(record.key());
    }

    protected static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
    }

    protected static List<String> errorFields(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    // ---------------------------------------------------------------- HTTP

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", Tokens.bearer(CASEWORKER_CLIENT)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", Tokens.bearer(CASEWORKER_CLIENT));
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected static Instant instant(JsonNode node) {
        return Instant.parse(node.asString());
    }
}
