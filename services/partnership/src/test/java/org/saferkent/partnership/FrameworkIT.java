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
    private static final String ALICE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String BEA = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    private static final int YEAR = 2019;

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

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
        });
        JsonNode dover = analyst.getJson("/api/partnership/framework?year=" + YEAR + "&district=dover");
        assertThat(dover.path("area").asString()).isEqualTo("dover");
        assertMeasure(dover, "victims-contacted-within-code", 75.0, 90, "red");
        assertMeasure(dover, "rj-completion", 50.0, 70, "red");
        assertMeasure(dover, "repeat-domestic-abuse-referrals", 33.3, 28, "red");
        assertThat(measure(dover, "repeat-domestic-abuse-referrals").path("numerator").asLong()).isEqualTo(1);
        assertMeasure(dover, "asb-case-reviews", 100.0, 100, "green");
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
    void badParametersAreRefusedNamingEachAndTheMeasuresReadNoCollectionWhole() {
        PartnershipApi analyst = new PartnershipApi(port, ANALYST);
        assertThat(refusedFields(analyst.get("/api/partnership/framework?year=last&district=atlantis")))
                .containsExactlyInAnyOrder("year", "district");
        assertThat(refusedFields(analyst.get("/api/partnership/framework"))).containsExactly("year");
        assertThat(new PartnershipApi(port, PartnershipApi.PANEL).get("/api/partnership/framework?year=2019").statusCode())
                .isEqualTo(403);

        StoreScans.Mark mark = StoreScans.mark("partnership");
        analyst.getJson("/api/partnership/framework?year=2019&district=dover");
        analyst.getJson("/api/partnership/framework?year=2019");
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
