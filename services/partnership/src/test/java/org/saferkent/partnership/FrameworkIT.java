package org.saferkent.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.partnership.PartnershipApi.ANALYST;
import static org.saferkent.partnership.PartnershipApi.OFFICER;
import static org.saferkent.partnership.PartnershipApi.refusedFields;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.partnership.framework.application.FrameworkFacts;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.test.StoreScans;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The performance framework over the real broker and store: events shaped as their producers' schemas say are
 * published on referrals', victims' and RJ's topics; the service's consumers keep the facts; the API computes each
 * measure, its target and RAG. The same context as PartnershipIT (same properties).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"spring.config.name=partnership",
        "saferkent.partnership.dhr.scan-interval=1h", "saferkent.partnership.asb-case-review.district-thresholds.swale=2"})
@WithRealInfrastructure
class FrameworkIT {

    private static final String REFERRALS = "referrals.referral.events";
    private static final String VICTIMS = "victims.case.events";
    private static final String RJ = "rj.case.events";
    private static final String DISPOSALS = "rj.disposal.events";
    private static final String YOUTH = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private static final String ALICE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String BEA = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    private static final int YEAR = 2019;

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private FrameworkFacts facts;

    @Test
    void eachMeasureIsComputedFromTheSystemsOwnEventsWithItsTargetAndRag() {
        // victims: four first contacts in Dover (three within the Code), a later contact, one in Thanet; one redelivered
        String redelivered = UUID.randomUUID().toString();
        send(VICTIMS, "vc-d1", "victims.VictimContacted.v1", "/saferkent/victims", contact("vc-d1", "dover", true, true), redelivered);
        send(VICTIMS, "vc-d1", "victims.VictimContacted.v1", "/saferkent/victims", contact("vc-d1", "dover", true, true), redelivered);
        send(VICTIMS, "vc-d2", "victims.VictimContacted.v1", "/saferkent/victims", contact("vc-d2", "dover", true, true), null);
        send(VICTIMS, "vc-d3", "victims.VictimContacted.v1", "/saferkent/victims", contact("vc-d3", "dover", true, true), null);
        send(VICTIMS, "vc-d4", "victims.VictimContacted.v1", "/saferkent/victims", contact("vc-d4", "dover", true, false), null);
        send(VICTIMS, "vc-d4", "victims.VictimContacted.v1", "/saferkent/victims", contact("vc-d4", "dover", false, null), null);
        send(VICTIMS, "vc-t1", "victims.VictimContacted.v1", "/saferkent/victims", contact("vc-t1", "thanet", true, true), null);
        // RJ: one case completed, one failed
        send(RJ, "rj-1", "rj.RjCaseClosed.v1", "/saferkent/restorative-justice", closure("rj-1", "completed"), null);
        send(RJ, "rj-2", "rj.RjCaseClosed.v1", "/saferkent/restorative-justice", closure("rj-2", "failed"), null);
        // RJ victims' satisfaction: two satisfied, one not, one who gave no view (not counted)
        send(RJ, "rj-1", "rj.RjOutcomeRecorded.v1", "/saferkent/restorative-justice", outcome("rj-1", 5), null);
        send(RJ, "rj-2", "rj.RjOutcomeRecorded.v1", "/saferkent/restorative-justice", outcome("rj-2", 2), null);
        send(RJ, "rj-3", "rj.RjOutcomeRecorded.v1", "/saferkent/restorative-justice", outcome("rj-3", 4), null);
        send(RJ, "rj-4", "rj.RjOutcomeRecorded.v1", "/saferkent/restorative-justice", outcome("rj-4", null), null);
        // domestic abuse: Alice referred twice within the year (the later one arriving first), Bea once; others not counted
        send(REFERRALS, "r2", "referrals.ReferralRouted.v1", "/saferkent/referrals", routed("r2", "domestic-abuse", "victim", ALICE, "2019-06-01T10:00:00Z"), null);
        send(REFERRALS, "r1", "referrals.ReferralRouted.v1", "/saferkent/referrals", routed("r1", "domestic-abuse", "victim", ALICE, "2019-02-01T10:00:00Z"), null);
        send(REFERRALS, "r3", "referrals.ReferralRouted.v1", "/saferkent/referrals", routed("r3", "domestic-abuse", "victim", BEA, "2019-03-01T10:00:00Z"), null);
        send(REFERRALS, "r4", "referrals.ReferralRouted.v1", "/saferkent/referrals", routed("r4", "burglary", "victim", BEA, "2019-04-01T10:00:00Z"), null);
        send(REFERRALS, "r5", "referrals.ReferralRouted.v1", "/saferkent/referrals", routed("r5", "domestic-abuse", "offender", BEA, "2019-04-02T10:00:00Z"), null);
        // ASB: an application meeting the threshold, reviewed
        PartnershipApi officer = new PartnershipApi(port, OFFICER);
        String asb = officer.postExpecting(201, "/api/partnership/asb-reviews",
                Map.of("district", "dover", "receivedOn", "2019-05-01", "complaints", 3)).path("id").asString();
        officer.postExpecting(200, "/api/partnership/asb-reviews/" + asb + "/decision", Map.of("reviewToBeHeld", true, "decidedOn", "2019-05-10"));
        officer.postExpecting(200, "/api/partnership/asb-reviews/" + asb + "/outcome", Map.of("completedOn", "2019-06-01",
                "recommendations", java.util.List.of("Joint patrols")));

        // then, once the consumers have read them all
        PartnershipApi analyst = new PartnershipApi(port, ANALYST);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode dover = analyst.getJson("/api/partnership/framework?year=" + YEAR + "&district=dover");
            assertThat(measure(dover, "victims-contacted-within-code").path("denominator").asLong()).isEqualTo(4);
            assertThat(measure(dover, "rj-completion").path("denominator").asLong()).isEqualTo(2);
            assertThat(measure(dover, "repeat-domestic-abuse-referrals").path("denominator").asLong()).isEqualTo(3);
            assertThat(measure(dover, "rj-satisfaction").path("denominator").asLong()).isEqualTo(3);
        });
        JsonNode dover = analyst.getJson("/api/partnership/framework?year=" + YEAR + "&district=dover");
        assertThat(dover.path("area").asString()).isEqualTo("dover");
        assertMeasure(dover, "victims-contacted-within-code", 75.0, 90, "red");
        assertMeasure(dover, "rj-completion", 50.0, 70, "red");
        assertMeasure(dover, "repeat-domestic-abuse-referrals", 33.3, 28, "red");
        assertThat(measure(dover, "repeat-domestic-abuse-referrals").path("numerator").asLong()).isEqualTo(1);
        assertMeasure(dover, "asb-case-reviews", 100.0, 100, "green");
        assertMeasure(dover, "rj-satisfaction", 66.7, 85, "red");
        assertThat(dover.path("period").asString()).isEqualTo("calendar");
        assertThat(dover.path("from").asString()).isEqualTo("2019-01-01");
        assertThat(dover.path("to").asString()).isEqualTo("2019-12-31");
        // the financial year 2019 (April 2019 to March 2020): Alice's first referral (February) and Bea's (March) fall in
        // 2018-19, her repeat (June) in 2019-20; the contacts (10 April), closures (September) and ASB review (May) in 2019-20
        JsonNode doverFinancial = analyst.getJson("/api/partnership/framework?financialYear=" + YEAR + "&district=dover");
        assertThat(doverFinancial.path("period").asString()).isEqualTo("financial");
        assertThat(doverFinancial.path("from").asString()).isEqualTo("2019-04-01");
        assertThat(doverFinancial.path("to").asString()).isEqualTo("2020-03-31");
        assertMeasure(doverFinancial, "victims-contacted-within-code", 75.0, 90, "red");
        assertMeasure(doverFinancial, "repeat-domestic-abuse-referrals", 100.0, 28, "red");
        assertThat(measure(doverFinancial, "repeat-domestic-abuse-referrals").path("denominator").asLong()).isEqualTo(1);
        assertMeasure(doverFinancial, "asb-case-reviews", 100.0, 100, "green");
        JsonNode doverBefore = analyst.getJson("/api/partnership/framework?financialYear=" + (YEAR - 1) + "&district=dover");
        assertMeasure(doverBefore, "repeat-domestic-abuse-referrals", 0.0, 28, "green");
        assertThat(measure(doverBefore, "repeat-domestic-abuse-referrals").path("denominator").asLong()).isEqualTo(2);
        assertThat(measure(doverBefore, "victims-contacted-within-code").path("rag").asString()).isEqualTo("no-data");
        assertThat(measure(doverBefore, "asb-case-reviews").path("rag").asString()).isEqualTo("no-data");
        // the county adds Thanet's contact
        JsonNode kent = analyst.getJson("/api/partnership/framework?year=" + YEAR);
        assertThat(kent.path("area").asString()).isEqualTo("kent");
        assertMeasure(kent, "victims-contacted-within-code", 80.0, 90, "red");
        // another year has nothing to measure
        assertThat(measure(analyst.getJson("/api/partnership/framework?year=2018&district=dover"), "rj-completion")
                .path("rag").asString()).isEqualTo("no-data");
        // nothing personal is kept: the pseudonym only as a hash
        assertThat(mongo.getCollection("framework_da_subjects").find().into(new java.util.ArrayList<Document>()).toString())
                .doesNotContain(ALICE).doesNotContain(BEA);
    }

    @Test
    void firstTimeEntrantsAreCountedPerDistrictAndYearAgainstTheYearBeforeWithNothingOfTheYoungPersonKept() {
        // Ashford, financial year 2020-21: two entrants (June 2020, February 2021)
        sendEntry("fte-a", "ashford", "2020-06-01", null, null);
        sendEntry("fte-b", "ashford", "2021-02-01", null, null);
        // 2021-22: two entrants, one delivered twice; a young person's entry in September superseded by an earlier
        // disposal reported late (July): only the July one counts; another district's entrant
        String twice = UUID.randomUUID().toString();
        sendEntry("fte-c", "ashford", "2021-05-01", null, twice);
        sendEntry("fte-c", "ashford", "2021-05-01", null, twice);
        sendEntry("fte-d", "ashford", "2022-03-31", null, null);
        sendEntry("fte-e", "ashford", "2021-09-01", null, null);
        sendEntry("fte-f", "ashford", "2021-07-01", "fte-e", null);
        sendEntry("fte-g", "swale", "2021-08-01", null, null);

        PartnershipApi analyst = new PartnershipApi(port, ANALYST);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode ashford = analyst.getJson("/api/partnership/framework?financialYear=2021&district=ashford");
            assertThat(measure(ashford, "first-time-entrants").path("numerator").asLong()).isEqualTo(3);
            assertThat(measure(analyst.getJson("/api/partnership/framework?financialYear=2021"), "first-time-entrants")
                    .path("numerator").asLong()).isEqualTo(4);
        });
        // 3 this financial year against 2 the year before: 150% of it, above the target of no more (100%): red
        JsonNode ashford = analyst.getJson("/api/partnership/framework?financialYear=2021&district=ashford");
        assertMeasure(ashford, "first-time-entrants", 150.0, 100, "red");
        assertThat(measure(ashford, "first-time-entrants").path("denominator").asLong()).isEqualTo(2);
        assertThat(measure(ashford, "first-time-entrants").path("higherIsBetter").asBoolean()).isFalse();
        // by calendar year: 2021 holds February, May and July (3); 2020 June (1)
        JsonNode calendar = analyst.getJson("/api/partnership/framework?year=2021&district=ashford");
        assertThat(measure(calendar, "first-time-entrants").path("numerator").asLong()).isEqualTo(3);
        assertThat(measure(calendar, "first-time-entrants").path("denominator").asLong()).isEqualTo(1);
        // 2022-23: none yet against 3: green
        assertMeasure(analyst.getJson("/api/partnership/framework?financialYear=2022&district=ashford"), "first-time-entrants",
                0.0, 100, "green");
        // nothing of the young person is kept
        assertThat(mongo.getCollection("framework_facts").find().into(new java.util.ArrayList<Document>()).toString())
                .doesNotContain(YOUTH);
    }

    @Test
    void factsStoredBeforeTheFinancialYearWasKeptAreGivenOneWhereTheirDateIsKnown() {
        // as stored before: a repeat domestic abuse fact and its subject's referral (dated), a victims' contact (year only)
        String subject = "legacy-subject-" + UUID.randomUUID();
        mongo.getCollection("framework_da_subjects").insertOne(new Document("_id", subject).append("referrals", java.util.List.of(
                new Document("referralId", "legacy-r1").append("district", "canterbury")
                        .append("receivedAt", java.util.Date.from(Instant.parse("2015-02-10T10:00:00Z"))))));
        mongo.getCollection("framework_facts").insertOne(new Document("_id", "repeat-domestic-abuse-referrals:legacy-r1")
                .append("measure", "repeat-domestic-abuse-referrals").append("district", "canterbury").append("year", 2015)
                .append("hit", false));
        mongo.getCollection("framework_facts").insertOne(new Document("_id", "victims-contacted-within-code:legacy-v1")
                .append("measure", "victims-contacted-within-code").append("district", "canterbury").append("year", 2015)
                .append("hit", true));
        PartnershipApi analyst = new PartnershipApi(port, ANALYST);
        assertThat(measure(analyst.getJson("/api/partnership/framework?financialYear=2014&district=canterbury"),
                "repeat-domestic-abuse-referrals").path("denominator").asLong()).isZero();

        // the start-up backfill, run once per store: run again as on a restart of a store that predates it
        mongo.getCollection("framework_migrations").deleteOne(new Document("_id", "facts-financial-year"));
        facts.backfillFinancialYears();

        // the referral of 10 February 2015 is in 2014-15; the contact, with only its calendar year, stays there
        assertThat(measure(analyst.getJson("/api/partnership/framework?financialYear=2014&district=canterbury"),
                "repeat-domestic-abuse-referrals").path("denominator").asLong()).isEqualTo(1);
        assertThat(measure(analyst.getJson("/api/partnership/framework?year=2015&district=canterbury"),
                "victims-contacted-within-code").path("denominator").asLong()).isEqualTo(1);
        for (int fy : new int[] {2014, 2015}) {
            assertThat(measure(analyst.getJson("/api/partnership/framework?financialYear=" + fy + "&district=canterbury"),
                    "victims-contacted-within-code").path("denominator").asLong()).isZero();
        }
        Document marker = mongo.getCollection("framework_migrations").find(new Document("_id", "facts-financial-year")).first();
        assertThat(marker).isNotNull();
        assertThat(marker.get("unplaced", Number.class).longValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void badParametersAreRefusedNamingEachAndTheMeasuresReadNoCollectionWhole() {
        PartnershipApi analyst = new PartnershipApi(port, ANALYST);
        assertThat(refusedFields(analyst.get("/api/partnership/framework?year=last&district=atlantis")))
                .containsExactlyInAnyOrder("year", "district");
        assertThat(refusedFields(analyst.get("/api/partnership/framework"))).containsExactly("year");
        assertThat(refusedFields(analyst.get("/api/partnership/framework?financialYear=next"))).containsExactly("financialYear");
        assertThat(refusedFields(analyst.get("/api/partnership/framework?year=2019&financialYear=2019")))
                .containsExactly("financialYear");
        assertThat(new PartnershipApi(port, PartnershipApi.PANEL).get("/api/partnership/framework?year=2019").statusCode())
                .isEqualTo(403);

        StoreScans.Mark mark = StoreScans.mark("partnership");
        analyst.getJson("/api/partnership/framework?year=2019&district=dover");
        analyst.getJson("/api/partnership/framework?year=2019");
        analyst.getJson("/api/partnership/framework?financialYear=2019&district=dover");
        analyst.getJson("/api/partnership/framework?financialYear=2019");
        assertThat(StoreScans.since(mark).keySet().stream().filter(shape -> shape.startsWith("partnership."))
                .filter(shape -> !shape.contains("pendingEvents") && !shape.contains("relayLease")))
                .as("collection scans, by query shape").isEmpty();
    }

    private static JsonNode measure(JsonNode framework, String code) {
        for (JsonNode m : framework.path("measures")) {
            if (m.path("measure").asString().equals(code)) {
                return m;
            }
        }
        throw new AssertionError("no measure " + code + " in " + framework);
    }

    private static void assertMeasure(JsonNode framework, String code, double value, double target, String rag) {
        JsonNode m = measure(framework, code);
        assertThat(m.path("value").asDouble()).as(code).isEqualTo(value);
        assertThat(m.path("target").asDouble()).as(code).isEqualTo(target);
        assertThat(m.path("rag").asString()).as(code).isEqualTo(rag);
    }

    private static Map<String, Object> contact(String caseId, String district, boolean first, Boolean within) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("caseId", caseId);
        p.put("referralId", caseId.substring(3));
        p.put("district", district);
        p.put("channel", "phone");
        p.put("outcome", "made");
        p.put("attemptedAt", "2019-04-10T10:00:00Z");
        p.put("firstContact", first);
        p.put("withinTimeLimit", within);
        p.put("recordedAt", "2019-04-10T10:05:00Z");
        return p;
    }

    private static Map<String, Object> closure(String caseId, String reason) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("caseId", caseId);
        p.put("referralId", null);
        p.put("source", "yos");
        p.put("district", "dover");
        p.put("reason", reason);
        p.put("outcome", reason);
        p.put("detail", null);
        p.put("restorative", "completed".equals(reason));
        p.put("closedAt", "2019-09-01T10:00:00Z");
        return p;
    }

    private static Map<String, Object> outcome(String caseId, Integer satisfaction) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("caseId", caseId);
        p.put("referralId", null);
        p.put("district", "dover");
        p.put("category", null);
        p.put("type", "direct-conference");
        p.put("restorative", true);
        p.put("offenderTakesResponsibility", true);
        p.put("victimOrAffectedPartyInvolved", true);
        p.put("structuredProcess", true);
        p.put("reparation", true);
        p.put("result", "completed");
        p.put("apology", true);
        p.put("reparationType", "none");
        p.put("reparationHours", null);
        p.put("victimSatisfaction", satisfaction);
        p.put("victimSatisfied", satisfaction == null ? null : satisfaction >= 4);
        p.put("wouldRecommend", null);
        p.put("recordedAt", "2019-08-30T10:00:00Z");
        return p;
    }

    /** rj.FirstTimeEntrantRecorded.v1 as RJ's schema has it, for one young person (the same pseudonym throughout). */
    private void sendEntry(String disposalId, String district, String date, String supersedes, String eventId) {
        java.time.LocalDate on = java.time.LocalDate.parse(date);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("personPseudonym", YOUTH);
        p.put("disposalId", disposalId);
        p.put("district", district);
        p.put("quarter", on.getYear() + "-Q" + ((on.getMonthValue() - 1) / 3 + 1));
        p.put("disposalType", "youth-caution");
        p.put("disposalDate", date);
        p.put("ageAtDisposal", 15);
        p.put("supersedesDisposalId", supersedes);
        p.put("recordedAt", Instant.now().toString());
        send(DISPOSALS, YOUTH, "rj.FirstTimeEntrantRecorded.v1", "/saferkent/restorative-justice", p, eventId);
    }

    private static Map<String, Object> routed(String referralId, String category, String role, String pseudonym, String at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("referralId", referralId + "-" + YEAR);
        p.put("district", "dover");
        p.put("category", category);
        p.put("flags", java.util.List.of());
        p.put("pathway", "domestic-abuse");
        p.put("riskLevel", "standard");
        p.put("marac", false);
        p.put("subjectRole", role);
        p.put("subjectPseudonym", pseudonym);
        p.put("ageBand", "35-49");
        p.put("vulnerabilities", java.util.List.of());
        p.put("routedAt", at);
        p.put("receivedByAgencyAt", at);
        return p;
    }

    private static void send(String topic, String key, String type, String source, Map<String, Object> payload, String eventId) {
        String id = eventId == null ? UUID.randomUUID().toString() : eventId;
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, PartnershipApi.JSON.writeValueAsBytes(payload));
        CloudEventHeaders.write(new EventMetadata(id, type, source, key, Instant.now(), "it-" + id, id, 1,
                "00-" + "ab".repeat(16) + "-" + "cd".repeat(8) + "-01"), record.headers());
        TopicRecords.send(record);
    }
}
