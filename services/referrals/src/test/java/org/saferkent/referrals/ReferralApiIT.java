package org.saferkent.referrals;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The referrals API over real HTTP, with the real broker and store behind it: what an agency posts
 * is stored once and announced once on {@code referrals.referral.events}; what it posts wrongly is
 * answered with a problem that names the fields, and leaves no trace.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=referrals")
@WithRealInfrastructure
class ReferralApiIT {

    private static final String TOPIC = "referrals.referral.events";
    private static final String RECEIVED = "referrals.ReferralReceived.v1";
    private static final String ROUTED = "referrals.ReferralRouted.v1";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";
    /** A stand-in for personal data: it must never be echoed back. */
    private static final String PERSONAL = "Jane Doe";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

    // ---------------------------------------------------------------- a valid referral

    @Test
    void aValidReferralIsCreatedAndCanBeReadBackFromItsLocation() throws Exception {
        String reference = uniqueReference();

        HttpResponse<String> created = post(validReferral(reference));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(created.body());
        String id = body.path("id").asString();
        assertThat(id).isNotBlank();
        assertThat(body.path("agency").asString()).isEqualTo("kent-police");
        assertThat(body.path("agencyReference").asString()).isEqualTo(reference);
        assertThat(body.path("district").asString()).isEqualTo("maidstone");
        assertThat(body.path("csp").asString()).isEqualTo("Maidstone CSP");
        assertThat(body.path("category").asString()).isEqualTo("violent-crime");
        assertThat(body.path("pathways").valueStream().map(JsonNode::asString)).containsExactly("victim-support");
        assertThat(body.path("status").asString()).isEqualTo("routed");
        assertThat(Instant.parse(body.path("receivedAt").asString())).isNotNull();

        // Wait for its event, so that no later test sees it arrive.
        TopicRecords.awaitRecord(TOPIC, ofType(RECEIVED).and(keyed(id)));

        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/api/referrals/" + id);

        HttpResponse<String> read = get(location);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body())).isEqualTo(body);
        assertThat(storedWithReference(reference)).isEqualTo(1);
    }

    @Test
    void aValidReferralIsAnnouncedAsReceivedAndRoutedWithItsIdAsKeyAndACloudEventsEnvelope() throws Exception {
        String correlationId = "it-" + UUID.randomUUID();
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/referrals"))
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(validReferral(uniqueReference()))));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Correlation-Id")).contains(correlationId);
        String id = JSON.readTree(created.body()).path("id").asString();

        ConsumerRecord<String, byte[]> received = TopicRecords.awaitRecord(TOPIC, ofType(RECEIVED).and(keyed(id)));
        ConsumerRecord<String, byte[]> routed = TopicRecords.awaitRecord(TOPIC, ofType(ROUTED).and(keyed(id)));

        for (ConsumerRecord<String, byte[]> event : List.of(received, routed)) {
            assertThat(event.key()).isEqualTo(id);
            assertThat(header(event, "ce_id")).isNotBlank();
            assertThat(header(event, "ce_source")).isEqualTo("/saferkent/referrals");
            assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
            assertThat(Instant.parse(header(event, "ce_time"))).isNotNull();
            assertThat(header(event, "ce_subject")).isEqualTo(id);
            assertThat(header(event, "ce_correlationid")).isEqualTo(correlationId);
            assertThat(header(event, "ce_traceparent")).matches(TRACEPARENT);
            assertThat(header(event, "ce_aggregateversion")).isEqualTo("1");
            assertThat(header(event, "content-type")).isEqualTo("application/json");
        }
        assertThat(header(received, "ce_type")).isEqualTo(RECEIVED);
        assertThat(header(routed, "ce_type")).isEqualTo(ROUTED);
        assertThat(header(received, "ce_id")).isNotEqualTo(header(routed, "ce_id"));
        assertThat(header(received, "ce_traceparent")).isEqualTo(header(routed, "ce_traceparent"));

        JsonNode receivedPayload = JSON.readTree(received.value());
        assertThat(receivedPayload.path("referralId").asString()).isEqualTo(id);
        assertThat(receivedPayload.path("agency").asString()).isEqualTo("kent-police");
        assertThat(receivedPayload.path("district").asString()).isEqualTo("maidstone");
        assertThat(receivedPayload.path("csp").asString()).isEqualTo("Maidstone CSP");
        assertThat(receivedPayload.path("category").asString()).isEqualTo("violent-crime");
        JsonNode routedPayload = JSON.readTree(routed.value());
        assertThat(routedPayload.path("referralId").asString()).isEqualTo(id);
        assertThat(routedPayload.path("pathway").asString()).isEqualTo("victim-support");

        assertThat(TopicRecords.matching(TOPIC, keyed(id))).hasSize(2);
    }

    @Test
    void aReferralToSeveralPathwaysIsRoutedOncePerPathway() throws Exception {
        Map<String, Object> referral = validFields(uniqueReference());
        referral.remove("pathway");
        referral.put("pathways", List.of("victim-support", "restorative-justice", "victim-support"));

        HttpResponse<String> created = post(JSON.writeValueAsString(referral));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("pathways").valueStream().map(JsonNode::asString))
                .containsExactly("victim-support", "restorative-justice");
        String id = body.path("id").asString();
        TopicRecords.awaitRecord(TOPIC, ofType(ROUTED).and(keyed(id)).and(payloadField("pathway", "restorative-justice")));
        assertThat(TopicRecords.matching(TOPIC, ofType(ROUTED).and(keyed(id))))
                .extracting(event -> JSON.readTree(event.value()).path("pathway").asString())
                .containsExactly("victim-support", "restorative-justice");
    }

    // ---------------------------------------------------------------- idempotence

    @Test
    void replayedAgencyReferenceReturnsTheOriginalReferralAndAnnouncesNothingNew() throws Exception {
        String reference = uniqueReference();
        HttpResponse<String> first = post(validReferral(reference));
        assertThat(first.statusCode()).isEqualTo(201);
        String id = JSON.readTree(first.body()).path("id").asString();
        TopicRecords.awaitRecord(TOPIC, ofType(RECEIVED).and(keyed(id)));
        Set<String> receivedBefore = receivedEventIds();

        HttpResponse<String> replay = post(validReferral(reference));

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).path("id").asString()).isEqualTo(id);
        assertThat(JSON.readTree(replay.body()).path("agencyReference").asString()).isEqualTo(reference);

        // The relay publishes in order: once a later referral is on the topic, a replay's event would be too.
        String later = postMarker();
        assertThat(TopicRecords.matching(TOPIC, ofType(RECEIVED).and(keyed(id)))).hasSize(1);
        assertThat(TopicRecords.matching(TOPIC, ofType(ROUTED).and(keyed(id)))).hasSize(1);
        assertThat(newReceivedEventKeys(receivedBefore)).containsExactly(later);
        assertThat(storedWithReference(reference)).isEqualTo(1);
    }

    @Test
    void theSameReferenceFromAnotherAgencyIsADifferentReferral() throws Exception {
        String reference = uniqueReference();
        Map<String, Object> fromProbation = validFields(reference);
        fromProbation.put("agency", "probation-kent");

        HttpResponse<String> police = post(validReferral(reference));
        HttpResponse<String> probation = post(JSON.writeValueAsString(fromProbation));

        assertThat(police.statusCode()).isEqualTo(201);
        assertThat(probation.statusCode()).isEqualTo(201);
        String policeId = JSON.readTree(police.body()).path("id").asString();
        String probationId = JSON.readTree(probation.body()).path("id").asString();
        assertThat(probationId).isNotEqualTo(policeId);
        TopicRecords.awaitRecord(TOPIC, ofType(RECEIVED).and(keyed(policeId)));
        TopicRecords.awaitRecord(TOPIC, ofType(RECEIVED).and(keyed(probationId)).and(payloadField("agency", "probation-kent")));
        assertThat(storedWithReference(reference)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- bad input

    static Stream<Arguments> invalidReferrals() {
        return Stream.of(
                Arguments.argumentSet("unknown agency",
                        with("agency", PERSONAL + " Partnership"), List.of("agency")),
                Arguments.argumentSet("unknown district",
                        with("district", PERSONAL + " Street"), List.of("district")),
                Arguments.argumentSet("unknown category",
                        with("category", PERSONAL), List.of("category")),
                Arguments.argumentSet("unknown pathway",
                        with("pathway", PERSONAL), List.of("pathway")),
                Arguments.argumentSet("unknown pathway in a list",
                        without("pathway").andThen(fields -> put(fields, "pathways", List.of("victim-support", PERSONAL))),
                        List.of("pathways[1]")),
                Arguments.argumentSet("agency reference over 100 characters",
                        (Function<String, Map<String, Object>>) reference -> put(validFields(reference + "-" + "x".repeat(100)),
                                "agencyReference", reference + "-" + "x".repeat(100)),
                        List.of("agencyReference")),
                Arguments.argumentSet("every required field missing",
                        (Function<String, Map<String, Object>>) reference -> put(new LinkedHashMap<>(), "agencyReference", reference),
                        List.of("agency", "district", "category", "pathway")),
                Arguments.argumentSet("required fields blank",
                        (Function<String, Map<String, Object>>) reference -> put(put(put(validFields(reference),
                                "agency", " "), "district", ""), "category", "\t"),
                        List.of("agency", "district", "category")),
                Arguments.argumentSet("several fields wrong at once",
                        with("agency", PERSONAL).andThen(fields -> put(fields, "district", PERSONAL + " Road"))
                                .andThen(fields -> put(fields, "pathway", PERSONAL + " Care")),
                        List.of("agency", "district", "pathway")));
    }

    @ParameterizedTest
    @MethodSource("invalidReferrals")
    void anInvalidReferralIsAProblemNamingEachOffendingFieldAndLeavesNoTrace(
            Function<String, Map<String, Object>> referral, List<String> offendingFields) throws Exception {
        String reference = uniqueReference();
        Map<String, Object> fields = referral.apply(reference);
        Set<String> receivedBefore = receivedEventIds();

        HttpResponse<String> response = post(JSON.writeValueAsString(fields));

        JsonNode problem = assertProblem(response, 422);
        assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
        assertThat(errorFields(problem)).as(response.body()).containsExactlyInAnyOrderElementsOf(offendingFields);
        assertThat(problem.path("errors").valueStream().map(error -> error.path("message").asString()))
                .allSatisfy(message -> assertThat(message).isNotBlank());
        assertDoesNotEcho(response, submittedValues(fields));
        assertNothingStoredOrPublished(reference, receivedBefore);
    }

    @Test
    void malformedJsonIsABadRequestProblemThatDoesNotEchoTheBody() throws Exception {
        String reference = uniqueReference();
        Set<String> receivedBefore = receivedEventIds();
        String malformed = "{\"agency\":\"kent-police\",\"agencyReference\":\"" + reference
                + "\",\"district\": " + PERSONAL + ",\"category\":\"violent-crime\",\"pathway\":\"victim-support\"}";

        HttpResponse<String> response = post(malformed);

        JsonNode problem = assertProblem(response, 400);
        assertThat(errorFields(problem)).as(response.body()).containsExactly("$");
        assertThat(problem.path("errors").get(0).path("message").asString()).startsWith("malformed JSON").contains("line 1");
        assertDoesNotEcho(response, List.of(reference, PERSONAL, "Jane"));
        assertNothingStoredOrPublished(reference, receivedBefore);
    }

    @Test
    void truncatedJsonIsABadRequestProblem() throws Exception {
        String reference = uniqueReference();
        Set<String> receivedBefore = receivedEventIds();

        HttpResponse<String> response = post("{\"agency\":\"kent-police\",\"agencyReference\":\"" + reference + "\"");

        JsonNode problem = assertProblem(response, 400);
        assertThat(errorFields(problem)).as(response.body()).containsExactly("$");
        assertDoesNotEcho(response, List.of(reference));
        assertNothingStoredOrPublished(reference, receivedBefore);
    }

    @Test
    void aValueOfTheWrongJsonTypeIsABadRequestProblemNamingTheField() throws Exception {
        String reference = uniqueReference();
        Set<String> receivedBefore = receivedEventIds();
        Map<String, Object> fields = validFields(reference);
        fields.remove("pathway");
        fields.put("pathways", Map.of("name", PERSONAL));

        HttpResponse<String> response = post(JSON.writeValueAsString(fields));

        JsonNode problem = assertProblem(response, 400);
        assertThat(errorFields(problem)).as(response.body()).containsExactly("pathways");
        assertDoesNotEcho(response, List.of(reference, PERSONAL));
        assertNothingStoredOrPublished(reference, receivedBefore);
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaTypeProblem() throws Exception {
        String reference = uniqueReference();
        Set<String> receivedBefore = receivedEventIds();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/referrals"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(validReferral(reference))));

        assertProblem(response, 415);
        assertDoesNotEcho(response, List.of(reference));
        assertNothingStoredOrPublished(reference, receivedBefore);
    }

    // ---------------------------------------------------------------- reading

    @Test
    void anUnknownReferralIsANotFoundProblem() throws Exception {
        HttpResponse<String> response = get("/api/referrals/" + UUID.randomUUID());

        JsonNode problem = assertProblem(response, 404);
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("org.saferkent").doesNotContain("tools.jackson");
        return problem;
    }

    private static void assertDoesNotEcho(HttpResponse<String> response, List<String> submitted) {
        for (String value : submitted) {
            assertThat(response.body()).as("problem body").doesNotContain(value);
        }
    }

    /** Nothing in the store, and the only event since {@code receivedBefore} is the marker's. */
    private void assertNothingStoredOrPublished(String reference, Set<String> receivedBefore) throws Exception {
        assertThat(storedWithReference(reference)).isZero();
        String marker = postMarker();
        assertThat(newReceivedEventKeys(receivedBefore)).containsExactly(marker);
        assertThat(TopicRecords.readAll(TOPIC)).noneMatch(event -> TopicRecords.value(event).contains(reference));
    }

    /** Posts a valid referral and waits until it is on the topic; returns its id. */
    private String postMarker() throws Exception {
        String reference = uniqueReference();
        HttpResponse<String> created = post(validReferral(reference));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();
        TopicRecords.awaitRecord(TOPIC, ofType(RECEIVED).and(keyed(id)));
        assertThat(storedWithReference(reference)).isEqualTo(1);
        return id;
    }

    private long storedWithReference(String reference) {
        return mongo.getMongoDatabaseFactory().getMongoDatabase("referrals").getCollection("referrals")
                .countDocuments(new Document("agencyReference", reference));
    }

    private static Set<String> receivedEventIds() {
        return TopicRecords.matching(TOPIC, ofType(RECEIVED)).stream()
                .map(event -> header(event, "ce_id")).collect(Collectors.toSet());
    }

    private static List<String> newReceivedEventKeys(Set<String> receivedBefore) {
        return TopicRecords.matching(TOPIC, ofType(RECEIVED)).stream()
                .filter(event -> !receivedBefore.contains(header(event, "ce_id")))
                .map(ConsumerRecord::key).toList();
    }

    private static List<String> errorFields(JsonNode problem) {
        return problem.path("errors").valueStream().map(error -> error.path("field").asString()).toList();
    }

    private static List<String> submittedValues(Map<String, Object> fields) {
        List<String> values = new ArrayList<>();
        for (Object value : fields.values()) {
            if (value instanceof List<?> list) {
                list.forEach(item -> values.add(item.toString()));
            } else if (value != null && !value.toString().isBlank()) {
                values.add(value.toString());
            }
        }
        return values;
    }

    private static Predicate<ConsumerRecord<String, byte[]>> ofType(String type) {
        return TopicRecords.headerEquals("ce_type", type);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> keyed(String id) {
        return event -> id.equals(event.key());
    }

    private static Predicate<ConsumerRecord<String, byte[]>> payloadField(String field, String value) {
        return event -> value.equals(JSON.readTree(event.value()).path(field).asString());
    }

    private static String header(ConsumerRecord<?, ?> event, String name) {
        return TopicRecords.header(event, name);
    }

    private static String uniqueReference() {
        return "IT-" + UUID.randomUUID();
    }

    private static Map<String, Object> validFields(String agencyReference) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agency", "kent-police");
        fields.put("agencyReference", agencyReference);
        fields.put("district", "maidstone");
        fields.put("category", "violent-crime");
        fields.put("pathway", "victim-support");
        return fields;
    }

    private static String validReferral(String agencyReference) {
        return JSON.writeValueAsString(validFields(agencyReference));
    }

    private static Map<String, Object> put(Map<String, Object> fields, String name, Object value) {
        fields.put(name, value);
        return fields;
    }

    private static Function<String, Map<String, Object>> with(String name, Object value) {
        return reference -> put(validFields(reference), name, value);
    }

    private static Function<String, Map<String, Object>> without(String name) {
        return reference -> {
            Map<String, Object> fields = validFields(reference);
            fields.remove(name);
            return fields;
        };
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port).resolve(path);
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/api/referrals"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(String pathOrUri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathOrUri)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
