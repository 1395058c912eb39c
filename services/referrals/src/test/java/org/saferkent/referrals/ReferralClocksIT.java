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
import org.saferkent.platform.test.StoreScans;
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

    // ---------------------------------------------------------------- partner teams' inboxes (issue 17)

    private static final String YOUTH = "kcc-integrated-youth-services";

    /** Routed to youth prevention and an ASB case in Swale: each owner sees its own pathway, nobody else sees it. */
    @Test
    void aReferralIsInTheInboxOfEachTeamItWasRoutedToAndOfNoOther() throws Exception {
        JsonNode referral = created(youngOffender("anti-social-behaviour"));
        String id = referral.path("id").asString();
        assertThat(referral.path("pathways").valueStream().map(p -> p.path("pathway").asString()))
                .containsExactlyInAnyOrder("youth-prevention", "asb-case");
        StoreScans.Mark mark = StoreScans.mark("referrals");

        JsonNode youth = inboxItem(YOUTH, id);
        assertThat(youth).as("in the youth services' inbox").isNotNull();
        assertThat(youth.path("pathways").valueStream().map(p -> p.path("pathway").asString())).containsExactly("youth-prevention");
        assertThat(youth.path("district").asString()).isEqualTo("swale");
        assertThat(youth.path("subjectRole").asString()).isEqualTo("offender");
        assertThat(youth.path("triageClock").path("dueAt").asString()).isEqualTo(dueAt(referral, TRIAGE).toString());
        assertThat(youth.toString()).doesNotContain("Clockwise").doesNotContain("ME10").doesNotContain("2012-03-01")
                .doesNotContain(referral.path("subjectPseudonym").asString());
        JsonNode asb = inboxItem("swale-bc", id);
        assertThat(asb).as("in Swale's ASB team's inbox").isNotNull();
        assertThat(asb.path("pathways").valueStream().map(p -> p.path("pathway").asString())).containsExactly("asb-case");
        assertThat(inboxItem("maidstone-bc", id)).as("another district's ASB team").isNull();
        assertThat(inboxItem("kent-daat", id)).as("another pathway's team").isNull();
        assertThat(inboxItem("swale-bc", id, "status=routed", "district=swale")).isNotNull();
        assertThat(inboxItem(YOUTH, id, "status=accepted")).isNull();
        assertThat(StoreScans.since(mark).keySet()).as("every inbox read names an index").noneMatch(scan -> scan.contains("pathways"));

        HttpResponse<String> elsewhere = inbox("maidstone-bc", "POST", "/api/inbox/" + id + "/pathways/asb-case/acceptance", null);
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(404);
        HttpResponse<String> notAnOwner = inbox("kent-police", "GET", "/api/inbox", null);
        assertThat(notAnOwner.statusCode()).as("no inbox scope").isEqualTo(403);
        HttpResponse<String> badFilter = inbox(YOUTH, "GET", "/api/inbox?pathway=asb-case&status=lost", null);
        assertThat(badFilter.statusCode()).isEqualTo(422);
        assertThat(problemFields(badFilter)).containsExactlyInAnyOrder("pathway", "status");
    }

    /** The owner's answer meets the triage clock, which then never breaches; a second acceptance changes nothing. */
    @Test
    void theOwnersAcceptanceMeetsTheTriageClock() throws Exception {
        JsonNode referral = created(youngOffender("shoplifting"));
        String id = referral.path("id").asString();
        JsonNode unanswered = created(youngOffender("shoplifting"));
        String unansweredId = unanswered.path("id").asString();

        JsonNode accepted = answered(YOUTH, id, "youth-prevention", "acceptance", null);
        answered(YOUTH, id, "youth-prevention", "acceptance", null);

        assertThat(accepted.path("pathways").get(0).path("status").asString()).isEqualTo("accepted");
        assertThat(accepted.path("triageClock").path("metAt").asString()).isNotBlank();
        assertThat(read(id).path("status").asString()).isEqualTo("accepted");
        clock.moveTo(latestDue(referral, unanswered).plus(Duration.ofDays(1)));
        clocks.recordBreaches();
        awaitNothingPending(id);
        awaitNothingPending(unansweredId);
        List<JsonNode> acceptances = EVENTS.matching(ofType("referrals.ReferralAccepted.v1").and(keyed(id))).stream()
                .map(ReferralClocksIT::payload).toList();
        assertThat(acceptances).singleElement().satisfies(event -> {
            assertThat(event.path("pathway").asString()).isEqualTo("youth-prevention");
            assertThat(event.path("district").asString()).isEqualTo("swale");
            assertThat(event.path("caseId").asString()).isNotBlank();
        });
        assertThat(EVENTS.matching(ofType(BREACHED).and(keyed(unansweredId)))).as("the scan did run").hasSize(1);
        assertThat(EVENTS.matching(ofType(BREACHED).and(keyed(id)))).isEmpty();
        assertThat(timelineSteps(id)).contains("accepted").doesNotContain("deadline missed");
    }

    /** Decline needs a reason from the vocabulary, close an outcome; the referral's status and the events follow. */
    @Test
    void aDeclineCarriesItsReasonAndAClosureItsOutcome() throws Exception {
        String declinedId = created(youngOffender("shoplifting")).path("id").asString();
        String closedId = created(youngOffender("shoplifting")).path("id").asString();

        HttpResponse<String> noReason = inbox(YOUTH, "POST", "/api/inbox/" + declinedId + "/pathways/youth-prevention/decline", "{}");
        HttpResponse<String> freeText = inbox(YOUTH, "POST", "/api/inbox/" + declinedId + "/pathways/youth-prevention/decline",
                "{\"reason\":\"the family said no\"}");
        HttpResponse<String> notAPartnerPathway = inbox(YOUTH, "POST",
                "/api/inbox/" + declinedId + "/pathways/victim-support/decline", "{\"reason\":\"other\"}");
        assertThat(List.of(noReason, freeText, notAPartnerPathway)).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(422));
        assertThat(problemFields(noReason)).containsExactly("reason");
        assertThat(problemFields(freeText)).containsExactly("reason");
        assertThat(problemFields(notAPartnerPathway)).containsExactly("pathway");

        JsonNode declined = answered(YOUTH, declinedId, "youth-prevention", "decline", "{\"reason\":\"already-supported\"}");
        assertThat(declined.path("referralStatus").asString()).isEqualTo("declined");
        assertThat(declined.path("triageClock").path("metAt").asString()).isNotBlank();
        HttpResponse<String> closeDeclined = inbox(YOUTH, "POST", "/api/inbox/" + declinedId + "/pathways/youth-prevention/closure",
                "{\"outcome\":\"completed\"}");
        assertThat(closeDeclined.statusCode()).as(closeDeclined.body()).isEqualTo(409);

        HttpResponse<String> closeUnaccepted = inbox(YOUTH, "POST", "/api/inbox/" + closedId + "/pathways/youth-prevention/closure",
                "{\"outcome\":\"completed\"}");
        assertThat(closeUnaccepted.statusCode()).as(closeUnaccepted.body()).isEqualTo(409);
        answered(YOUTH, closedId, "youth-prevention", "acceptance", null);
        HttpResponse<String> noOutcome = inbox(YOUTH, "POST", "/api/inbox/" + closedId + "/pathways/youth-prevention/closure",
                "{\"outcome\":\"went well\"}");
        assertThat(noOutcome.statusCode()).as(noOutcome.body()).isEqualTo(422);
        assertThat(problemFields(noOutcome)).containsExactly("outcome");
        JsonNode closed = answered(YOUTH, closedId, "youth-prevention", "closure", "{\"outcome\":\"completed\"}");
        assertThat(closed.path("referralStatus").asString()).isEqualTo("closed");
        assertThat(closed.path("pathways").get(0).path("outcome").asString()).isEqualTo("completed");

        assertThat(read(declinedId).path("status").asString()).isEqualTo("declined");
        assertThat(read(closedId).path("status").asString()).isEqualTo("closed");
        JsonNode declinedEvent = payload(EVENTS.await(ofType("referrals.ReferralDeclined.v1").and(keyed(declinedId))));
        assertThat(declinedEvent.path("pathway").asString()).isEqualTo("youth-prevention");
        assertThat(declinedEvent.path("reason").asString()).isEqualTo("already-supported");
        JsonNode closedEvent = payload(EVENTS.await(ofType("referrals.ReferralClosed.v1").and(keyed(closedId))));
        assertThat(closedEvent.path("pathway").asString()).isEqualTo("youth-prevention");
        assertThat(closedEvent.path("outcome").asString()).isEqualTo("completed");
        JsonNode listed = inboxItem(YOUTH, closedId, "status=closed");
        assertThat(listed).as("listed among the team's closed referrals").isNotNull();
        assertThat(inboxItem(YOUTH, declinedId, "status=closed")).isNull();
    }

    // ---------------------------------------------------------------- helpers

    /** An offender of 14: youth prevention, and for anti-social behaviour an ASB case too. */
    private static Map<String, Object> youngOffender(String category) {
        Map<String, Object> fields = referral("offender", false);
        fields.put("category", category);
        if (category.equals("anti-social-behaviour")) {
            fields.put("asbType", "nuisance");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) fields.get("subject");
        subject.put("dateOfBirth", "2012-03-01");
        return fields;
    }

    private HttpResponse<String> inbox(String agency, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", Tokens.agency(agency));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The team's answer, which must be taken (200): the inbox item after it. */
    private JsonNode answered(String agency, String id, String pathway, String answer, String body) throws Exception {
        HttpResponse<String> response = inbox(agency, "POST", "/api/inbox/" + id + "/pathways/" + pathway + "/" + answer, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The referral as it stands in the agency's inbox (every page looked at), or null when it is not there. */
    private JsonNode inboxItem(String agency, String id, String... filters) throws Exception {
        String query = filters.length == 0 ? "" : "&" + String.join("&", filters);
        for (int page = 0; ; page++) {
            HttpResponse<String> response = inbox(agency, "GET", "/api/inbox?size=200&page=" + page + query, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode items = JSON.readTree(response.body()).path("items");
            for (JsonNode item : items) {
                if (id.equals(item.path("referralId").asString())) {
                    return item;
                }
            }
            if (items.size() < 200) {
                return null;
            }
        }
    }

    private static List<String> problemFields(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    private static Map<String, Object> referral(String role, boolean victimOptedOut) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("role", role);
        subject.put("name", "Sam Clockwise " + UUID.randomUUID().toString().substring(0, 8));
        subject.put("dateOfBirth", "1975-09-30");
        subject.put("postcode", "ME10 4AB");
        Map<String, Object> fields = new LinkedHashMap<>();
        // not the police: this context's clock runs days ahead, and its referrals would head the police's own list
        // that ReferralFormBrowserIT reads in the same store
        fields.put("agency", "kent-fire-rescue");
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
                .header("Authorization", Tokens.agency("kent-fire-rescue")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
