package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.Tokens;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.saferkent.platform.workingdays.WorkingDayCalendar;
import org.saferkent.referrals.referral.application.ReferralClocks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Working-day clocks on referrals with time under the test's control: a deadline missed is announced
 * once on the referral's topic ({@code ReferralSlaBreached}) and once to operations
 * ({@code ops.SlaBreached}), however often the scan runs; a deadline met never breaches.
 *
 * <p>The scan is called directly (the scheduler is set to once an hour). This context's clock runs
 * ahead of the others', so it is closed after the class rather than shared. It scans every referral
 * in the shared store, so it asserts only about its own referrals.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT,
        properties = {"spring.config.name=referrals", "saferkent.referrals.clocks.scan-interval=1h"})
@WithRealInfrastructure
@DirtiesContext
@Order(1) // first: closed afterwards, it never makes the context the other integration tests share pause
class ReferralClocksIT {

    private static final String TOPIC = "referrals.referral.events";
    private static final String OPS_TOPIC = "ops.events";
    private static final String BREACHED = "referrals.ReferralSlaBreached.v1";
    private static final String OPS_BREACHED = "ops.SlaBreached.v1";
    private static final String VICTIM_DETAILS = "victim-details-to-victim-services";
    private static final String TRIAGE = "triage-response";

    private static final TopicLog EVENTS = TopicLog.of(TOPIC);
    private static final TopicLog OPS = TopicLog.of(OPS_TOPIC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();

    @TestConfiguration(proxyBeanMethods = false)
    static class ControlledTime {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MovableClock clock;

    @Autowired
    private ReferralClocks clocks;

    @Autowired
    private MongoTemplate mongo;

    @Test
    void aVictimsReferralRunsTheVictimDetailsClockOfTwoWorkingDaysAndTheTriageClockForItsRisk() throws Exception {
        JsonNode standard = created(referral("victim", false));
        JsonNode highRisk = created(highRiskDomesticAbuse());

        Instant received = Instant.parse(standard.path("receivedAt").asString());
        assertThat(dueAt(standard, VICTIM_DETAILS)).isEqualTo(CALENDAR.deadline(received, 2));
        assertThat(dueAt(standard, TRIAGE)).isEqualTo(CALENDAR.deadline(received, 5));
        Instant highReceived = Instant.parse(highRisk.path("receivedAt").asString());
        assertThat(dueAt(highRisk, TRIAGE)).isEqualTo(CALENDAR.deadline(highReceived, 1));
        assertThat(dueAt(highRisk, VICTIM_DETAILS)).isEqualTo(CALENDAR.deadline(highReceived, 2));
    }

    /** Issue 17: the victim details clock runs from when the agency had the details, the triage clock from intake. */
    @Test
    void theVictimDetailsClockRunsFromWhenTheAgencyReceivedTheVictimsDetails() throws Exception {
        Instant receivedByAgency = clock.instant().minus(Duration.ofDays(3));
        Map<String, Object> fields = referral("victim", false);
        fields.put("receivedByAgencyAt", receivedByAgency.toString());

        JsonNode referral = created(fields);

        Instant received = Instant.parse(referral.path("receivedAt").asString());
        assertThat(dueAt(referral, VICTIM_DETAILS)).isEqualTo(CALENDAR.deadline(receivedByAgency, 2))
                .isNotEqualTo(CALENDAR.deadline(received, 2));
        assertThat(dueAt(referral, TRIAGE)).isEqualTo(CALENDAR.deadline(received, 5));
    }

    @Test
    void aVictimWhoOptedOutHasNoVictimDetailsClock() throws Exception {
        JsonNode referral = created(referral("victim", true));

        assertThat(clockNames(referral)).containsExactly(TRIAGE);
    }

    @Test
    void anOffenderHasNoVictimDetailsClock() throws Exception {
        JsonNode referral = created(referral("offender", false));

        assertThat(clockNames(referral)).containsExactly(TRIAGE);
    }

    @Test
    void aMissedDeadlineIsAnnouncedOnTheReferralTopicAndToOperationsExactlyOnceEvenIfTheScanRunsTwice() throws Exception {
        JsonNode referral = created(referral("victim", false));
        String id = referral.path("id").asString();
        Instant victimDetailsDue = dueAt(referral, VICTIM_DETAILS);
        Instant triageDue = dueAt(referral, TRIAGE);

        clock.moveTo(triageDue.plus(Duration.ofDays(10)));
        int first = clocks.recordBreaches();
        int second = clocks.recordBreaches();

        assertThat(first).isGreaterThanOrEqualTo(2);
        assertThat(second).isZero();
        awaitNothingPending(id);
        List<JsonNode> breaches = EVENTS.matching(ofType(BREACHED).and(keyed(id))).stream().map(ReferralClocksIT::payload).toList();
        assertThat(breaches).extracting(b -> b.path("clock").asString()).containsExactlyInAnyOrder(VICTIM_DETAILS, TRIAGE);
        assertThat(breaches).allSatisfy(b -> {
            assertThat(b.path("referralId").asString()).isEqualTo(id);
            assertThat(b.path("district").asString()).isEqualTo("swale");
        });
        assertThat(breaches).filteredOn(b -> b.path("clock").asString().equals(VICTIM_DETAILS)).singleElement()
                .satisfies(b -> assertThat(Instant.parse(b.path("dueAt").asString())).isEqualTo(victimDetailsDue));

        List<ConsumerRecord<String, byte[]>> opsRecords = OPS.matching(ofType(OPS_BREACHED).and(aboutReferral(id)));
        assertThat(opsRecords).extracting(r -> payload(r).path("clock").asString())
                .containsExactlyInAnyOrder(VICTIM_DETAILS, TRIAGE);
        assertThat(opsRecords).allSatisfy(r -> {
            JsonNode ops = payload(r);
            assertThat(ops.path("service").asString()).isEqualTo("referrals");
            assertThat(ops.path("aggregateType").asString()).isEqualTo("referral");
            assertThat(ops.path("district").asString()).isEqualTo("swale");
            assertThat(TopicRecords.header(r, "ce_type")).isEqualTo(OPS_BREACHED);
            assertThat(TopicRecords.value(r)).doesNotContain("Clockwise").doesNotContain("ME10").doesNotContain("1975");
        });
        assertThat(opsRecords).filteredOn(r -> payload(r).path("clock").asString().equals(TRIAGE)).singleElement()
                .satisfies(r -> assertThat(Instant.parse(payload(r).path("dueAt").asString())).isEqualTo(triageDue));

        JsonNode after = read(id);
        assertThat(after.path("clocks").valueStream()).allSatisfy(c -> {
            assertThat(c.path("breachedAt").asString()).isNotBlank();
            assertThat(c.path("metAt").isNull() || c.path("metAt").isMissingNode()).isTrue();
        });
        assertThat(timelineSteps(id)).filteredOn("deadline missed"::equals).hasSize(2);
    }

    @Test
    void twoScansRacingRecordEachBreachOnce() throws Exception {
        JsonNode referral = created(referral("victim", false));
        String id = referral.path("id").asString();

        clock.moveTo(dueAt(referral, TRIAGE));
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(clocks::recordBreaches);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(clocks::recordBreaches);
        CompletableFuture.allOf(one, two).get(30, TimeUnit.SECONDS);

        awaitNothingPending(id);
        assertThat(EVENTS.matching(ofType(BREACHED).and(keyed(id))))
                .extracting(r -> payload(r).path("clock").asString()).containsExactlyInAnyOrder(VICTIM_DETAILS, TRIAGE);
        assertThat(OPS.matching(ofType(OPS_BREACHED).and(aboutReferral(id)))).hasSize(2);
    }

    @Test
    void aDeadlineMetByACaseOpenedInTimeNeverBreaches() throws Exception {
        JsonNode met = created(referral("victim", false));
        JsonNode missed = created(referral("victim", false));
        String metId = met.path("id").asString();
        String missedId = missed.path("id").asString();
        String caseId = "vc-" + UUID.randomUUID();
        CaseEvents.send(CaseEvents.VICTIMS_TOPIC, "victims.VictimCaseOpened.v1", caseId,
                Map.of("caseId", caseId, "referralId", metId, "pathway", "victim-support"));
        JsonNode accepted = awaitStatus(metId, "accepted");
        assertThat(accepted.path("clocks").valueStream()).allSatisfy(c -> assertThat(c.path("metAt").asString()).isNotBlank());

        clock.moveTo(latestDue(met, missed).plus(Duration.ofDays(1)));
        clocks.recordBreaches();

        awaitNothingPending(metId);
        awaitNothingPending(missedId);
        assertThat(EVENTS.matching(ofType(BREACHED).and(keyed(missedId)))).hasSize(2); // the scan did run
        assertThat(EVENTS.matching(ofType(BREACHED).and(keyed(metId)))).isEmpty();
        assertThat(OPS.matching(ofType(OPS_BREACHED).and(aboutReferral(metId)))).isEmpty();
        assertThat(read(metId).path("clocks").valueStream()).allSatisfy(c -> {
            assertThat(c.path("metAt").asString()).isNotBlank();
            assertThat(c.path("breachedAt").isNull() || c.path("breachedAt").isMissingNode()).isTrue();
        });
        assertThat(timelineSteps(metId)).doesNotContain("deadline missed");
    }

    @Test
    void onlyTheDeadlinesAlreadyDueAreBreached() throws Exception {
        JsonNode referral = created(referral("victim", false));
        String id = referral.path("id").asString();
        Instant victimDetailsDue = dueAt(referral, VICTIM_DETAILS);

        clock.moveTo(victimDetailsDue);
        clocks.recordBreaches();

        awaitNothingPending(id);
        assertThat(EVENTS.matching(ofType(BREACHED).and(keyed(id))))
                .extracting(r -> payload(r).path("clock").asString()).containsExactly(VICTIM_DETAILS);
        assertThat(read(id).path("clocks").valueStream()
                .filter(c -> c.path("name").asString().equals(TRIAGE)).findFirst().orElseThrow()
                .path("breachedAt").isNull()).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> referral(String role, boolean victimOptedOut) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("role", role);
        subject.put("name", "Sam Clockwise " + UUID.randomUUID().toString().substring(0, 8));
        subject.put("dateOfBirth", "1975-09-30");
        subject.put("postcode", "ME10 4AB");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agency", "kent-police");
        fields.put("agencyReference", "IT-" + UUID.randomUUID());
        fields.put("district", "swale");
        fields.put("category", "violent-crime");
        fields.put("subject", subject);
        fields.put("consent", Map.of("given", true, "recordedOn", "2026-11-01", "recordedBy", "PC 123"));
        fields.put("victimOptedOut", victimOptedOut);
        return fields;
    }

    private static Map<String, Object> highRiskDomesticAbuse() {
        Map<String, Object> fields = referral("victim", false);
        fields.put("category", "domestic-abuse");
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            answers.add(i < 20);
        }
        fields.put("dash", Map.of("checklist", "police", "answers", answers));
        return fields;
    }

    private JsonNode created(Map<String, Object> referral) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/referrals"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", Tokens.agency(String.valueOf(referral.get("agency"))))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(referral), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private JsonNode read(String id) throws IOException, InterruptedException {
        return JSON.readTree(get("/api/referrals/" + id));
    }

    private List<String> timelineSteps(String id) throws IOException, InterruptedException {
        return JSON.readTree(get("/api/referrals/" + id + "/timeline")).valueStream().map(e -> e.path("what").asString()).toList();
    }

    private JsonNode awaitStatus(String id, String status) {
        List<JsonNode> found = new ArrayList<>();
        await("referral " + id + " " + status).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            found.clear();
            found.add(read(id));
            return status.equals(found.get(0).path("status").asString());
        });
        return found.get(0);
    }

    /** Every event the referral's writes produced has been relayed (acknowledged by the broker). */
    private void awaitNothingPending(String id) {
        await("events of " + id + " relayed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                mongo.getMongoDatabaseFactory().getMongoDatabase("referrals").getCollection("referrals")
                        .countDocuments(new Document("_id", id).append("pendingEvents.0", new Document("$exists", true))) == 0);
    }

    private static Instant dueAt(JsonNode referral, String clockName) {
        return referral.path("clocks").valueStream().filter(c -> c.path("name").asString().equals(clockName))
                .map(c -> Instant.parse(c.path("dueAt").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + clockName + " clock on " + referral));
    }

    private static Instant latestDue(JsonNode... referrals) {
        return Arrays.stream(referrals).flatMap(r -> r.path("clocks").valueStream())
                .map(c -> Instant.parse(c.path("dueAt").asString())).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static List<String> clockNames(JsonNode referral) {
        return referral.path("clocks").valueStream().map(c -> c.path("name").asString()).toList();
    }

    private static JsonNode payload(ConsumerRecord<String, byte[]> event) {
        return JSON.readTree(event.value());
    }

    private static Predicate<ConsumerRecord<String, byte[]>> ofType(String type) {
        return TopicRecords.headerEquals("ce_type", type);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> keyed(String id) {
        return event -> id.equals(event.key());
    }

    private static Predicate<ConsumerRecord<String, byte[]>> aboutReferral(String id) {
        return event -> id.equals(payload(event).path("subject").asString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port).resolve(path);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", Tokens.agency("kent-police")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
