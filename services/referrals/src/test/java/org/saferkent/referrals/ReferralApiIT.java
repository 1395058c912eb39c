package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.saferkent.platform.test.Tokens;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The referrals API over real HTTP, with the real broker and store behind it: what an agency posts
 * is stored once and announced once on {@code referrals.referral.events}; what it posts wrongly is
 * answered with a problem that names the fields, and leaves no trace. The subject's personal details
 * are only ever handed out by the claim check, never put on the bus.
 */
// Same properties as ReferralTriageIT (which needs the small batch limit), so both share one context.
@SpringBootTest(webEnvironment = RANDOM_PORT,
        properties = {"spring.config.name=referrals", "saferkent.referrals.batch-max-size=5",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.limit=7",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.period=1h"})
@WithRealInfrastructure
class ReferralApiIT {

    private static final String TOPIC = "referrals.referral.events";
    private static final String RECEIVED = "referrals.ReferralReceived.v1";
    private static final String TRIAGED = "referrals.ReferralTriaged.v1";
    private static final String ROUTED = "referrals.ReferralRouted.v1";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";
    private static final ZoneId KENT = ZoneId.of("Europe/London");
    /** A stand-in for personal data: it must never be echoed back. */
    private static final String PERSONAL = "Jane Doe";
    /** Public vocabulary a problem may name (e.g. "for the police checklist"): not personal data. */
    private static final Set<String> PUBLIC_CODES = Set.of("police", "safelives", "victim", "offender");
    private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private static final TopicLog EVENTS = TopicLog.of(TOPIC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private Pseudonymiser pseudonymiser;

    // ---------------------------------------------------------------- a valid referral

    @Test
    void aValidReferralIsCreatedAndCanBeReadBackFromItsLocation() throws Exception {
        String reference = uniqueReference();

        HttpResponse<String> created = post(validReferral(reference));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(created.body());
        String id = body.path("id").asString();
        assertThat(id).isNotBlank();
        assertThat(body.path("agency").asString()).isEqualTo("kent-police");
        assertThat(body.path("agencyReference").asString()).isEqualTo(reference);
        assertThat(body.path("district").asString()).isEqualTo("maidstone");
        assertThat(body.path("csp").asString()).isEqualTo("Maidstone CSP");
        assertThat(body.path("category").asString()).isEqualTo("violent-crime");
        assertThat(body.path("requestedPathways").valueStream().map(JsonNode::asString)).containsExactly("victim-support");
        assertThat(body.path("pathways").valueStream().map(p -> p.path("pathway").asString() + ":" + p.path("status").asString()))
                .containsExactly("victim-support:routed");
        assertThat(body.path("status").asString()).isEqualTo("routed");
        assertThat(body.path("subjectRole").asString()).isEqualTo("victim");
        assertThat(body.path("subjectPseudonym").asString()).matches("[0-9a-f]{64}");
        assertThat(body.path("consentBasis").asString()).isEqualTo("consent");
        assertThat(Instant.parse(body.path("receivedAt").asString())).isNotNull();
        assertThat(created.body()).doesNotContain(nameFor(reference)).doesNotContain("ME15");

        // Wait for its event, so that no later test sees it arrive.
        EVENTS.await(ofType(ROUTED).and(keyed(id)));

        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/api/referrals/" + id);

        HttpResponse<String> read = get(location);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body())).isEqualTo(body);
        assertThat(storedWithReference(reference)).isEqualTo(1);
    }

    @Test
    void aValidReferralIsAnnouncedAsReceivedTriagedAndRoutedWithItsIdAsKeyAndACloudEventsEnvelope() throws Exception {
        String correlationId = "it-" + UUID.randomUUID();
        // the agency's own trace: the referral's events continue it
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/referrals"))
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(validReferral(uniqueReference()))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Correlation-Id")).contains(correlationId);
        assertThat(created.headers().firstValue("X-Trace-Id")).contains(traceId);
        String id = JSON.readTree(created.body()).path("id").asString();

        ConsumerRecord<String, byte[]> received = EVENTS.await(ofType(RECEIVED).and(keyed(id)));
        ConsumerRecord<String, byte[]> triaged = EVENTS.await(ofType(TRIAGED).and(keyed(id)));
        ConsumerRecord<String, byte[]> routed = EVENTS.await(ofType(ROUTED).and(keyed(id)));

        for (ConsumerRecord<String, byte[]> event : List.of(received, triaged, routed)) {
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
        assertThat(Stream.of(received, triaged, routed).map(event -> header(event, "ce_id")).distinct()).hasSize(3);
        // one trace, the agency's; each record is sent in a span of its own
        for (ConsumerRecord<String, byte[]> event : List.of(received, triaged, routed)) {
            assertThat(header(event, "ce_traceparent")).startsWith("00-" + traceId + "-").endsWith("-01");
            // the catalogue's headers and nothing else: no tracing or binder headers beside them
            assertThat(java.util.Arrays.stream(event.headers().toArray()).map(h -> h.key()))
                    .containsExactlyInAnyOrder("ce_id", "ce_source", "ce_specversion", "ce_type", "ce_time", "ce_subject",
                            "ce_correlationid", "ce_causationid", "ce_aggregateversion", "ce_traceparent", "content-type");
        }
        assertThat(Stream.of(received, triaged, routed).map(event -> header(event, "ce_traceparent")).distinct()).hasSize(3);

        JsonNode receivedPayload = JSON.readTree(received.value());
        assertThat(receivedPayload.path("referralId").asString()).isEqualTo(id);
        assertThat(receivedPayload.path("agency").asString()).isEqualTo("kent-police");
        assertThat(receivedPayload.path("district").asString()).isEqualTo("maidstone");
        assertThat(receivedPayload.path("csp").asString()).isEqualTo("Maidstone CSP");
        assertThat(receivedPayload.path("category").asString()).isEqualTo("violent-crime");
        assertThat(receivedPayload.path("consentBasis").asString()).isEqualTo("consent");
        JsonNode triagedPayload = JSON.readTree(triaged.value());
        assertThat(triagedPayload.path("riskLevel").asString()).isEqualTo("standard");
        assertThat(triagedPayload.path("marac").asBoolean()).isFalse();
        JsonNode routedPayload = JSON.readTree(routed.value());
        assertThat(routedPayload.path("referralId").asString()).isEqualTo(id);
        assertThat(routedPayload.path("pathway").asString()).isEqualTo("victim-support");

        assertThat(EVENTS.matching(keyed(id))).extracting(event -> header(event, "ce_type"))
                .containsExactly(RECEIVED, TRIAGED, ROUTED);
    }

    /** Issue 17: the Code's categories as flags, and when the agency had the victim's details, reach the services. */
    @Test
    void victimsCodeFlagsAndWhenTheAgencyReceivedTheDetailsAreTakenAndCarriedOnTheRouting() throws Exception {
        Instant receivedByAgency = LocalDate.now(KENT).minusDays(1).atTime(10, 15).atZone(KENT).toInstant();
        Map<String, Object> referral = validFields(uniqueReference());
        referral.put("flags", List.of("terrorism", "stalking", "child-sexual-exploitation"));
        referral.put("receivedByAgencyAt", receivedByAgency.toString());

        HttpResponse<String> created = post(JSON.writeValueAsString(referral));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();
        JsonNode routed = JSON.readTree(EVENTS.await(ofType(ROUTED).and(keyed(id))).value());
        assertThat(routed.path("flags").valueStream().map(JsonNode::asString))
                .containsExactly("terrorism", "stalking", "child-sexual-exploitation");
        assertThat(Instant.parse(routed.path("receivedByAgencyAt").asString())).isEqualTo(receivedByAgency);
        assertThat(Instant.parse(routed.path("routedAt").asString())).isAfter(receivedByAgency);
    }

    @Test
    void aReferralToSeveralPathwaysIsRoutedOncePerPathway() throws Exception {
        Map<String, Object> referral = validFields(uniqueReference());
        referral.remove("pathway");
        referral.put("pathways", List.of("victim-support", "restorative-justice", "victim-support"));

        HttpResponse<String> created = post(JSON.writeValueAsString(referral));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("requestedPathways").valueStream().map(JsonNode::asString))
                .containsExactly("victim-support", "restorative-justice");
        assertThat(body.path("pathways").valueStream().map(p -> p.path("pathway").asString()))
                .containsExactly("victim-support", "restorative-justice");
        String id = body.path("id").asString();
        EVENTS.await(ofType(ROUTED).and(keyed(id)).and(payloadField("pathway", "restorative-justice")));
        assertThat(EVENTS.matching(ofType(ROUTED).and(keyed(id))))
                .extracting(event -> JSON.readTree(event.value()).path("pathway").asString())
                .containsExactly("victim-support", "restorative-justice");
    }

    @Test
    void aReferralUnderALawfulOverrideIsTakenAndAnnouncedWithItsBasisButNotItsReason() throws Exception {
        String reference = uniqueReference();
        Map<String, Object> fields = validFields(reference);
        fields.put("consent", Map.of("given", false,
                "override", Map.of("basis", "safeguarding", "reason", "Children at the Orchard Row address at risk")));

        HttpResponse<String> created = post(JSON.writeValueAsString(fields));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("consentBasis").asString()).isEqualTo("override:safeguarding");
        String id = body.path("id").asString();
        ConsumerRecord<String, byte[]> received = EVENTS.await(ofType(RECEIVED).and(keyed(id)));
        assertThat(JSON.readTree(received.value()).path("consentBasis").asString()).isEqualTo("override:safeguarding");
        assertThat(EVENTS.matching(keyed(id)))
                .noneMatch(event -> TopicRecords.value(event).contains("Orchard Row"));
    }

    // ---------------------------------------------------------------- personal details: the claim check

    @Test
    void theClaimCheckHandsOutThePersonalDetailsThatNoneOfTheReferralsEventsCarry() throws Exception {
        String reference = uniqueReference();
        String name = nameFor(reference);
        Map<String, Object> fields = validFields(reference);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("role", "victim");
        subject.put("name", name);
        subject.put("dateOfBirth", "1979-02-14");
        subject.put("postcode", "TN23 7QZ");
        subject.put("phone", "07700 900461");
        subject.put("email", "marguerite.l@example.org");
        subject.put("address", "4 Quarrington Mews, Ashford");
        fields.put("subject", subject);
        fields.put("narrative", "Assaulted outside the Quarrington Mews garages");

        HttpResponse<String> created = post(JSON.writeValueAsString(fields));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();

        HttpResponse<String> claimed = get("/api/referrals/" + id + "/subject");

        assertThat(claimed.statusCode()).isEqualTo(200);
        JsonNode details = JSON.readTree(claimed.body());
        assertThat(details.path("name").asString()).isEqualTo(name);
        assertThat(details.path("dateOfBirth").asString()).isEqualTo("1979-02-14");
        assertThat(details.path("postcode").asString()).isEqualTo("TN23 7QZ");
        assertThat(details.path("phone").asString()).isEqualTo("07700 900461");
        assertThat(details.path("email").asString()).isEqualTo("marguerite.l@example.org");
        assertThat(details.path("address").asString()).isEqualTo("4 Quarrington Mews, Ashford");
        assertThat(details.path("narrative").asString()).isEqualTo("Assaulted outside the Quarrington Mews garages");

        EVENTS.await(ofType(ROUTED).and(keyed(id)));
        List<ConsumerRecord<String, byte[]>> events = EVENTS.matching(keyed(id));
        assertThat(events).hasSize(3).allSatisfy(event -> assertThat(TopicRecords.value(event))
                .doesNotContain(name)
                .doesNotContainIgnoringCase(name.substring(name.lastIndexOf(' ') + 1))
                .doesNotContain("1979")
                .doesNotContainIgnoringCase("TN23")
                .doesNotContain("7QZ")
                .doesNotContain("900461")
                .doesNotContain("marguerite")
                .doesNotContain("Quarrington"));
        assertThat(events).allSatisfy(event -> assertThat(event.headers().toArray())
                .allSatisfy(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8)).doesNotContain(name)));
        assertThat(get("/api/referrals/" + id).body()).doesNotContain(name).doesNotContain("Quarrington").doesNotContain("TN23");
    }

    @Test
    void theClaimCheckForAnUnknownReferralIsANotFoundProblem() throws Exception {
        HttpResponse<String> response = get("/api/referrals/" + UUID.randomUUID() + "/subject");

        assertProblem(response, 404);
    }

    // ---------------------------------------------------------------- idempotence

    @Test
    void replayedAgencyReferenceReturnsTheOriginalReferralAndAnnouncesNothingNew() throws Exception {
        String reference = uniqueReference();
        HttpResponse<String> first = post(validReferral(reference));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String id = JSON.readTree(first.body()).path("id").asString();
        EVENTS.await(ofType(ROUTED).and(keyed(id)));
        Set<String> receivedBefore = receivedEventIds();

        HttpResponse<String> replay = post(validReferral(reference));

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).path("id").asString()).isEqualTo(id);
        assertThat(JSON.readTree(replay.body()).path("agencyReference").asString()).isEqualTo(reference);
        assertThat(JSON.readTree(replay.body()).path("status").asString()).isEqualTo("routed");

        // The relay publishes in order: once a later referral is on the topic, a replay's event would be too.
        String later = postMarker();
        assertThat(EVENTS.matching(ofType(RECEIVED).and(keyed(id)))).hasSize(1);
        assertThat(EVENTS.matching(ofType(ROUTED).and(keyed(id)))).hasSize(1);
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

        assertThat(police.statusCode()).as(police.body()).isEqualTo(201);
        assertThat(probation.statusCode()).as(probation.body()).isEqualTo(201);
        String policeId = JSON.readTree(police.body()).path("id").asString();
        String probationId = JSON.readTree(probation.body()).path("id").asString();
        assertThat(probationId).isNotEqualTo(policeId);
        EVENTS.await(ofType(RECEIVED).and(keyed(policeId)));
        EVENTS.await(ofType(RECEIVED).and(keyed(probationId)).and(payloadField("agency", "probation-kent")));
        assertThat(storedWithReference(reference)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- bad input

    static Stream<Arguments> invalidReferrals() {
        LocalDate today = LocalDate.now(KENT);
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
                // the agency comes from the token: the body may leave it out
                Arguments.argumentSet("every required field missing",
                        (Function<String, Map<String, Object>>) reference -> put(new LinkedHashMap<>(), "agencyReference", reference),
                        List.of("district", "category", "subject", "consent")),
                Arguments.argumentSet("required fields blank",
                        (Function<String, Map<String, Object>>) reference -> put(put(put(validFields(reference),
                                "agency", " "), "district", ""), "category", "\t"),
                        List.of("agency", "district", "category")),
                Arguments.argumentSet("several fields wrong at once",
                        with("agency", PERSONAL).andThen(fields -> put(fields, "district", PERSONAL + " Road"))
                                .andThen(fields -> put(fields, "pathway", PERSONAL + " Care")),
                        List.of("agency", "district", "pathway")),
                Arguments.argumentSet("no consent and no override",
                        without("consent"), List.of("consent")),
                Arguments.argumentSet("consent not given and no override",
                        with("consent", Map.of("given", false)), List.of("consent.override")),
                Arguments.argumentSet("an override without its reason",
                        with("consent", Map.of("given", false, "override", Map.of("basis", "safeguarding"))),
                        List.of("consent.override.reason")),
                Arguments.argumentSet("an override on an unknown basis",
                        with("consent", Map.of("given", false, "override", Map.of("basis", PERSONAL, "reason", "risk to children"))),
                        List.of("consent.override.basis")),
                Arguments.argumentSet("consent given without saying when or by whom",
                        with("consent", Map.of("given", true)), List.of("consent.recordedOn", "consent.recordedBy")),
                Arguments.argumentSet("no subject",
                        without("subject"), List.of("subject")),
                Arguments.argumentSet("a subject without a role or a name",
                        withSubject("role", null).andThen(fields -> putSubject(fields, "name", " ")),
                        List.of("subject.role", "subject.name")),
                Arguments.argumentSet("a date of birth in the future",
                        withSubject("dateOfBirth", today.plusDays(30).toString()),
                        List.of("subject.dateOfBirth")),
                Arguments.argumentSet("an incident date in the future",
                        with("incidentDate", today.plusDays(30).toString()), List.of("incidentDate")),
                Arguments.argumentSet("a postcode that is not a UK postcode",
                        withSubject("postcode", PERSONAL),
                        List.of("subject.postcode")),
                Arguments.argumentSet("DASH with 26 answers on the police checklist",
                        with("category", "domestic-abuse").andThen(fields -> put(fields, "dash", dash("police", 26, 5))),
                        List.of("dash.answers")),
                Arguments.argumentSet("DASH with 27 answers on the SafeLives checklist",
                        with("category", "domestic-abuse").andThen(fields -> put(fields, "dash", dash("safelives", 27, 5))),
                        List.of("dash.answers")),
                Arguments.argumentSet("DASH on a referral that is not domestic abuse",
                        with("dash", dash("police", 27, 5)), List.of("dash")),
                Arguments.argumentSet("anti-social behaviour without its type",
                        with("category", "anti-social-behaviour"), List.of("asbType")),
                Arguments.argumentSet("an ASB type on another category",
                        with("asbType", "nuisance"), List.of("asbType")),
                Arguments.argumentSet("a flag that is not one of the Victims' Code categories",
                        with("flags", List.of(PERSONAL)), List.of("flags[0]")),
                Arguments.argumentSet("the victim's details received by the agency in the future",
                        with("receivedByAgencyAt", Instant.now().plus(Duration.ofHours(2)).toString()),
                        List.of("receivedByAgencyAt")),
                Arguments.argumentSet("the victim's details received by the agency before the incident",
                        with("incidentDate", today.minusDays(2).toString()).andThen(fields -> put(fields, "receivedByAgencyAt",
                                today.minusDays(5).atTime(12, 0).atZone(KENT).toInstant().toString())),
                        List.of("receivedByAgencyAt")));
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

    static Stream<Arguments> impossibleDates() {
        return Stream.of(
                Arguments.argumentSet("the 30th of February as a date of birth",
                        withSubject("dateOfBirth", "2026-02-30"),
                        "subject.dateOfBirth"),
                Arguments.argumentSet("a thirteenth month as the incident date",
                        with("incidentDate", "2026-13-01"), "incidentDate"),
                Arguments.argumentSet("a consent date that is not a date",
                        with("consent", Map.of("given", true, "recordedOn", "yesterday", "recordedBy", "PC 123")),
                        "consent.recordedOn"),
                Arguments.argumentSet("a time of receipt that is not a time",
                        with("receivedByAgencyAt", "yesterday"), "receivedByAgencyAt"));
    }

    @ParameterizedTest
    @MethodSource("impossibleDates")
    void anImpossibleCalendarDateIsABadRequestProblemNamingTheField(Function<String, Map<String, Object>> referral,
            String offendingField) throws Exception {
        String reference = uniqueReference();
        Map<String, Object> fields = referral.apply(reference);
        Set<String> receivedBefore = receivedEventIds();

        HttpResponse<String> response = post(JSON.writeValueAsString(fields));

        JsonNode problem = assertProblem(response, 400);
        assertThat(errorFields(problem)).as(response.body()).containsExactly(offendingField);
        assertDoesNotEcho(response, List.of(reference, PERSONAL, "2026-02-30", "2026-13-01", "yesterday"));
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

    @ParameterizedTest(name = "declared length: {0}")
    @ValueSource(booleans = {true, false})
    void aBodyOverTwoMegabytesIsAContentTooLargeProblem(boolean declaredLength) throws Exception {
        String reference = uniqueReference();
        Set<String> receivedBefore = receivedEventIds();
        Map<String, Object> fields = validFields(reference);
        fields.put("narrative", PERSONAL + " " + "x".repeat(MAX_BODY_BYTES));
        byte[] body = JSON.writeValueAsBytes(fields);
        assertThat(body.length).isGreaterThan(MAX_BODY_BYTES);

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/referrals"))
                .header("Content-Type", "application/json")
                .POST(declaredLength ? HttpRequest.BodyPublishers.ofByteArray(body)
                        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        JsonNode problem = assertProblem(response, 413);
        assertThat(errorFields(problem)).containsExactly("$");
        assertDoesNotEcho(response, List.of(reference, PERSONAL));
        assertNothingStoredOrPublished(reference, receivedBefore);
    }

    // ---------------------------------------------------------------- reading

    @Test
    void anUnknownReferralIsANotFoundProblem() throws Exception {
        HttpResponse<String> response = get("/api/referrals/" + UUID.randomUUID());

        JsonNode problem = assertProblem(response, 404);
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    @Test
    void theListIsFilteredByAgencyAndDistrictAndPagedWithTheTotalOfAllMatches() throws Exception {
        // Only this test refers from the road safety team in Thanet.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> fields = validFields(uniqueReference());
            fields.put("agency", "kcc-road-safety");
            fields.put("district", "thanet");
            HttpResponse<String> created = post(JSON.writeValueAsString(fields));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ids.add(JSON.readTree(created.body()).path("id").asString());
        }
        // The same agency elsewhere, and another agency in the same district: each filter leaves one out.
        Map<String, Object> elsewhere = validFields(uniqueReference());
        elsewhere.put("agency", "kcc-road-safety");
        elsewhere.put("district", "dover");
        Map<String, Object> anotherAgency = validFields(uniqueReference());
        anotherAgency.put("district", "thanet");
        assertThat(post(JSON.writeValueAsString(elsewhere)).statusCode()).isEqualTo(201);
        assertThat(post(JSON.writeValueAsString(anotherAgency)).statusCode()).isEqualTo(201);

        JsonNode first = JSON.readTree(get("/api/referrals?agency=kcc-road-safety&district=thanet&size=2").body());
        JsonNode second = JSON.readTree(get("/api/referrals?agency=kcc-road-safety&district=thanet&size=2&page=1").body());

        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("page").asInt()).isEqualTo(0);
        assertThat(first.path("items")).hasSize(2);
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(second.path("items")).hasSize(1);
        List<JsonNode> items = Stream.concat(first.path("items").valueStream(), second.path("items").valueStream()).toList();
        assertThat(items).extracting(item -> item.path("id").asString()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.path("agency").asString()).isEqualTo("kcc-road-safety");
            assertThat(item.path("district").asString()).isEqualTo("thanet");
        });
        List<Instant> received = items.stream().map(item -> Instant.parse(item.path("receivedAt").asString())).toList();
        assertThat(received).isSortedAccordingTo(Collections.reverseOrder());
    }

    @Test
    void theListIsFilteredByStatusAndReceivedTime() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        Map<String, Object> fields = validFields(uniqueReference());
        fields.put("agency", "kcc-trading-standards");
        fields.put("district", "dover");
        HttpResponse<String> created = post(JSON.writeValueAsString(fields));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();
        String filter = "/api/referrals?agency=kcc-trading-standards&district=dover";

        JsonNode routed = JSON.readTree(get(filter + "&status=routed").body());
        JsonNode closed = JSON.readTree(get(filter + "&status=closed").body());
        JsonNode since = JSON.readTree(get(filter + "&from=" + encode(before.toString())).body());
        JsonNode until = JSON.readTree(get(filter + "&to=" + encode(before.toString())).body());

        assertThat(routed.path("items").valueStream().map(item -> item.path("id").asString())).containsExactly(id);
        assertThat(closed.path("total").asLong()).isZero();
        assertThat(since.path("items").valueStream().map(item -> item.path("id").asString())).containsExactly(id);
        assertThat(until.path("total").asLong()).isZero();
    }

    @Test
    void anUnknownStatusInTheListFilterIsAProblemNamingStatus() throws Exception {
        HttpResponse<String> response = get("/api/referrals?status=" + encode(PERSONAL));

        JsonNode problem = assertProblem(response, 422);
        assertThat(errorFields(problem)).containsExactly("status");
        assertDoesNotEcho(response, List.of(PERSONAL));
    }

    @Test
    void aListParameterThatIsNotAnInstantIsABadRequestProblemNamingItWithoutEchoingIt() throws Exception {
        HttpResponse<String> response = get("/api/referrals?from=" + encode(PERSONAL));

        JsonNode problem = assertProblem(response, 400);
        assertThat(errorFields(problem)).as(response.body()).containsExactly("from");
        assertDoesNotEcho(response, List.of(PERSONAL));
    }

    @Test
    void impossibleListParametersAreAProblemNamingEachOfThem() throws Exception {
        HttpResponse<String> response = get("/api/referrals?district=atlantis&page=-1&size=0");

        JsonNode problem = assertProblem(response, 422);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("district", "page", "size");
    }

    @Test
    void theTimelineShowsTheReferralReceivedTriagedAndRouted() throws Exception {
        HttpResponse<String> created = post(validReferral(uniqueReference()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode referral = JSON.readTree(created.body());
        String id = referral.path("id").asString();

        HttpResponse<String> response = get("/api/referrals/" + id + "/timeline");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode timeline = JSON.readTree(response.body());
        assertThat(timeline.valueStream().map(entry -> entry.path("what").asString()))
                .containsExactly("received", "triaged", "routed");
        assertThat(timeline.valueStream().map(entry -> entry.path("at").asString()))
                .containsOnly(referral.path("receivedAt").asString());
        assertThat(timeline.get(0).path("detail").asString()).contains("kent-police");
        assertThat(timeline.get(2).path("detail").asString()).isEqualTo("victim-support");
    }

    @Test
    void theTimelineOfAnUnknownReferralIsANotFoundProblem() throws Exception {
        assertProblem(get("/api/referrals/" + UUID.randomUUID() + "/timeline"), 404);
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
        assertThat(personalDetailsNamed(nameFor(reference))).isZero();
        String marker = postMarker();
        List<ConsumerRecord<String, byte[]>> events = EVENTS.records();
        assertThat(newReceivedEventKeys(events, receivedBefore)).containsExactly(marker);
        assertThat(events).noneMatch(event -> TopicRecords.value(event).contains(reference));
    }

    /** Posts a valid referral and waits until it is on the topic; returns its id. */
    private String postMarker() throws Exception {
        String reference = uniqueReference();
        HttpResponse<String> created = post(validReferral(reference));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();
        EVENTS.await(ofType(ROUTED).and(keyed(id)));
        assertThat(storedWithReference(reference)).isEqualTo(1);
        assertThat(personalDetailsNamed(nameFor(reference))).isEqualTo(1);
        return id;
    }

    private long storedWithReference(String reference) {
        return mongo.getMongoDatabaseFactory().getMongoDatabase("referrals").getCollection("referrals")
                .countDocuments(new Document("agencyReference", reference));
    }

    /** Personal details are sealed at rest: they are found by the subject's pseudonym (valid fields' date of birth and postcode). */
    private long personalDetailsNamed(String name) {
        return mongo.getMongoDatabaseFactory().getMongoDatabase("referrals").getCollection("subject_details")
                .countDocuments(new Document("subject", pseudonymiser.pseudonym(name, LocalDate.parse("1984-06-02"), "ME15 6YQ")));
    }

    private static Set<String> receivedEventIds() {
        return EVENTS.matching(ofType(RECEIVED)).stream()
                .map(event -> header(event, "ce_id")).collect(Collectors.toSet());
    }

    private static List<String> newReceivedEventKeys(Set<String> receivedBefore) {
        return newReceivedEventKeys(EVENTS.records(), receivedBefore);
    }

    private static List<String> newReceivedEventKeys(List<ConsumerRecord<String, byte[]>> events, Set<String> receivedBefore) {
        return events.stream().filter(ofType(RECEIVED))
                .filter(event -> !receivedBefore.contains(header(event, "ce_id")))
                .map(ConsumerRecord::key).toList();
    }

    private static List<String> errorFields(JsonNode problem) {
        return problem.path("errors").valueStream().map(error -> error.path("field").asString()).toList();
    }

    /** Every text value submitted, however deeply nested, except the public vocabulary a problem may name. */
    private static List<String> submittedValues(Object fields) {
        List<String> values = new ArrayList<>();
        if (fields instanceof Map<?, ?> map) {
            map.values().forEach(value -> values.addAll(submittedValues(value)));
        } else if (fields instanceof List<?> list) {
            list.forEach(item -> values.addAll(submittedValues(item)));
        } else if (fields instanceof String text && !text.isBlank() && !PUBLIC_CODES.contains(text)) {
            values.add(text);
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

    /** A subject name of its own for each referral, so that no two tests refer the same person. */
    private static String nameFor(String reference) {
        return PERSONAL + " " + reference.substring(3, 11);
    }

    private static Map<String, Object> validFields(String agencyReference) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("role", "victim");
        subject.put("name", nameFor(agencyReference));
        subject.put("dateOfBirth", "1984-06-02");
        subject.put("postcode", "ME15 6YQ");
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("given", true);
        consent.put("recordedOn", "2026-11-01");
        consent.put("recordedBy", "PC 123");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agency", "kent-police");
        fields.put("agencyReference", agencyReference);
        fields.put("district", "maidstone");
        fields.put("category", "violent-crime");
        fields.put("pathway", "victim-support");
        fields.put("subject", subject);
        fields.put("consent", consent);
        return fields;
    }

    private static String validReferral(String agencyReference) {
        return JSON.writeValueAsString(validFields(agencyReference));
    }

    private static Map<String, Object> dash(String checklist, int answers, int yes) {
        List<Boolean> list = new ArrayList<>();
        for (int i = 0; i < answers; i++) {
            list.add(i < yes);
        }
        return Map.of("checklist", checklist, "answers", list);
    }

    private static Map<String, Object> put(Map<String, Object> fields, String name, Object value) {
        fields.put(name, value);
        return fields;
    }

    private static Function<String, Map<String, Object>> withSubject(String name, Object value) {
        return reference -> putSubject(validFields(reference), name, value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> putSubject(Map<String, Object> fields, String name, Object value) {
        ((Map<String, Object>) fields.get("subject")).put(name, value);
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port).resolve(path);
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/api/referrals"))
                .header("Authorization", Tokens.agencyNamedIn(json, "kent-police"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** As the agency the query names ({@code agency=}), else as Kent Police. */
    private HttpResponse<String> get(String pathOrUri) throws IOException, InterruptedException {
        if (pathOrUri.endsWith("/subject")) {
            // the claim check: the victims service's token, the only one allowed it
            return send(HttpRequest.newBuilder(uri(pathOrUri)).header("Authorization", Tokens.bearer("svc-victims")).GET());
        }
        java.util.regex.Matcher agency = java.util.regex.Pattern.compile("[?&]agency=([a-z0-9-]+)").matcher(pathOrUri);
        return getAs(agency.find() ? agency.group(1) : "kent-police", pathOrUri);
    }

    private HttpResponse<String> getAs(String agency, String pathOrUri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathOrUri)).header("Authorization", Tokens.agency(agency)).GET());
    }

    /** Sent as Kent Police unless the request already carries a token. */
    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        if (built.headers().firstValue("Authorization").isEmpty()) {
            built = request.header("Authorization", Tokens.agency("kent-police")).build();
        }
        return HTTP.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
