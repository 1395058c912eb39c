package org.saferkent.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.partnership.PartnershipApi.ANALYST;
import static org.saferkent.partnership.PartnershipApi.OFFICER;
import static org.saferkent.partnership.PartnershipApi.PANEL;
import static org.saferkent.partnership.PartnershipApi.refusedFields;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.partnership.dhr.application.DhrDeadlines;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.test.EventCatalogue;
import org.saferkent.platform.test.StoreScans;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The partnership service as it runs: real HTTP with the identity server's tokens, the real broker and store. One
 * context for every integration test of the service (PartnershipApiDocumentIT shares it). The deadline scan is slowed
 * to once an hour, so the tests run it themselves.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"spring.config.name=partnership",
        "saferkent.partnership.dhr.scan-interval=1h", "saferkent.partnership.asb-case-review.district-thresholds.swale=2"})
@WithRealInfrastructure
class PartnershipIT {

    static final String DHR_TOPIC = "partnership.dhr.events";
    static final String ASB_TOPIC = "partnership.asb-review.events";
    static final String VICTIM_NAME = "Jane Quillfeather-Example";
    /** The data protection officer (subjects.erase). */
    static final String DPO = "dpo";
    /** The data subject's request an erasure carries out, from the officer's request log. */
    static final String DSR = "DSR-2026-0042";

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private DhrDeadlines deadlines;

    private PartnershipApi as(String client) {
        return new PartnershipApi(port, client);
    }

    private LocalDate today() {
        return KentDate.of(java.time.Instant.now());
    }

    @Test
    void aNotificationIsPublishedWithoutPersonalDataWhichOnlyTheAuditedEndpointServes() {
        // when
        JsonNode review = as(OFFICER).postExpecting(201, "/api/partnership/dhrs", Map.of("district", "gravesham",
                "notifiedOn", today().toString(), "agenciesInvolved", List.of("kent-police", "nhs-kent-medway"),
                "victimName", VICTIM_NAME, "perpetratorName", "John Quillfeather-Example"));
        String id = review.path("id").asString();

        // then the event: codes and dates, no name
        ConsumerRecord<String, byte[]> notified = TopicRecords.awaitRecord(DHR_TOPIC, ofType("partnership.DhrNotified.v1").and(keyed(id)));
        String payload = new String(notified.value(), StandardCharsets.UTF_8);
        assertThat(payload).doesNotContain("Quillfeather");
        JsonNode event = PartnershipApi.JSON.readTree(payload);
        assertThat(event.path("csp").asString()).isEqualTo("dartford-and-gravesham");
        assertThat(event.path("decisionDueOn").asString()).isEqualTo(today().plusMonths(1).toString());
        assertThat(EventCatalogue.violations(notified)).isEmpty();

        // and the review as read, and the store's documents, hold no name in clear
        assertThat(as(ANALYST).get("/api/partnership/dhrs/" + id).body()).doesNotContain("Quillfeather");
        assertThat(mongo.getCollection("domestic_homicide_reviews").find(new Document("_id", id)).first().toJson())
                .doesNotContain("Quillfeather");
        assertThat(mongo.getCollection("dhr_personal_details").find(new Document("_id", id)).first().toJson())
                .doesNotContain("Quillfeather");

        // and only partnership.personal reads the details, each read on the audit trail
        assertThat(as(ANALYST).get("/api/partnership/dhrs/" + id + "/personal-details").statusCode()).isEqualTo(403);
        JsonNode details = as(OFFICER).getJson("/api/partnership/dhrs/" + id + "/personal-details");
        assertThat(details.path("victimName").asString()).isEqualTo(VICTIM_NAME);
        assertThat(mongo.getCollection("audit_trail").countDocuments(new Document("recordId", id)
                .append("action", "read-personal-data").append("clientId", OFFICER))).isEqualTo(1);
    }

    @Test
    void theDataProtectionOfficersErasureShredsAReviewsPersonalDetailsAndKeepsTheReviewItsDeadlinesAndItsCourse() {
        // given a review holding the victim's name, decided: its review is due six months on
        String id = as(OFFICER).postExpecting(201, "/api/partnership/dhrs", Map.of("district", "thanet",
                "notifiedOn", today().minusDays(20).toString(), "agenciesInvolved", List.of("kent-police"),
                "victimName", VICTIM_NAME, "dateOfDeath", today().minusDays(30).toString())).path("id").asString();
        as(OFFICER).postExpecting(200, "/api/partnership/dhrs/" + id + "/decision",
                Map.of("holdReview", true, "decidedOn", today().minusDays(2).toString()));
        JsonNode before = as(ANALYST).getJson("/api/partnership/dhrs/" + id);
        assertThat(as(OFFICER).getJson("/api/partnership/dhrs/" + id + "/personal-details").path("victimName").asString())
                .isEqualTo(VICTIM_NAME);

        // when the data protection officer erases its personal details
        JsonNode erasure = as(DPO).postExpecting(200, "/api/data-protection/dhr-erasures",
                Map.of("reviewId", id, "requestReference", DSR));

        // then the name can never be read again: its data key is destroyed (the sealed document stays, unreadable)
        assertThat(erasure.path("keysDestroyed").asLong()).isEqualTo(1);
        assertThat(erasure.toString()).doesNotContain("Quillfeather");
        java.net.http.HttpResponse<String> read = as(OFFICER).get("/api/partnership/dhrs/" + id + "/personal-details");
        assertThat(read.statusCode()).isEqualTo(410);
        assertThat(read.body()).doesNotContain("Quillfeather");
        List<Document> keys = mongo.getCollection("subject_keys").find(new Document("subject", "dhr:" + id)).into(new java.util.ArrayList<>());
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).doesNotContainKey("wrapped").containsKey("destroyedAt"));
        assertThat(mongo.getCollection("dhr_personal_details").find(new Document("_id", id)).first().toJson())
                .doesNotContain("Quillfeather");

        // and the review's non-personal facts and deadlines are as they were, and it goes on
        assertThat(as(ANALYST).getJson("/api/partnership/dhrs/" + id)).isEqualTo(before);
        assertThat(before.path("reviewDueOn").asString()).isEqualTo(today().minusDays(2).plusMonths(6).toString());
        assertThat(before.path("district").asString()).isEqualTo("thanet");
        as(OFFICER).postExpecting(200, "/api/partnership/dhrs/" + id + "/panel", Map.of(
                "chair", Map.of("name", "A. Chair", "agency", "independent"), "panelAgencies", List.of("kent-police"),
                "convenedOn", today().toString()));

        // and the erasure is on the audit trail under the name of who did it, as is the read refused after it
        Document erased = mongo.getCollection("audit_trail").find(new Document("recordId", id)
                .append("action", "erase-personal-data")).first();
        assertThat(erased).isNotNull();
        assertThat(erased.getString("subject")).isEqualTo(DPO);
        assertThat(erased.getString("resource")).isEqualTo("dhr-personal-details");
        assertThat(erased.getString("reason")).contains("request " + DSR);
        assertThat(erasure.path("erasedBy").asString()).isEqualTo(DPO);
        assertThat(erasure.path("requestReference").asString()).isEqualTo(DSR);
        assertThat(mongo.getCollection("audit_trail").countDocuments(new Document("recordId", id)
                .append("action", "read-personal-data").append("reason", "erased"))).isEqualTo(1);

        // erasing again destroys nothing more; an unknown review is a 404, a missing one (or request reference) a 422
        // naming it, a reference that is not one (a name) too; only the data protection officer's scope erases
        assertThat(as(DPO).postExpecting(200, "/api/data-protection/dhr-erasures",
                Map.of("reviewId", id, "requestReference", DSR))
                .path("keysDestroyed").asLong()).isZero();
        assertThat(as(DPO).post("/api/data-protection/dhr-erasures",
                Map.of("reviewId", "dhr-unknown", "requestReference", DSR))
                .statusCode()).isEqualTo(404);
        assertThat(refusedFields(as(DPO).post("/api/data-protection/dhr-erasures", Map.of())))
                .containsExactlyInAnyOrder("reviewId", "requestReference");
        assertThat(refusedFields(as(DPO).post("/api/data-protection/dhr-erasures", Map.of("reviewId", id,
                "requestReference", "Jane Quillfeather")))).containsExactly("requestReference");
        assertThat(as(OFFICER).post("/api/data-protection/dhr-erasures", Map.of("reviewId", id, "requestReference", DSR))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void anUndecidedReviewPastItsMonthIsAnSlaBreachOnOpsEvents() {
        // given a notification two months ago, not decided
        String id = as(OFFICER).postExpecting(201, "/api/partnership/dhrs", Map.of("district", "swale",
                "notifiedOn", today().minusMonths(2).toString(), "agenciesInvolved", List.of("kent-police"))).path("id").asString();

        // when the deadline scan runs
        assertThat(deadlines.recordMissedDeadlines()).isPositive();

        // then operations hear of it, as of every other service's deadlines, and the review's own topic too
        ConsumerRecord<String, byte[]> breach = TopicRecords.awaitRecord(Topics.OPS_EVENTS,
                ofType("ops.SlaBreached.v1").and(keyed(id)));
        JsonNode sla = PartnershipApi.JSON.readTree(breach.value());
        assertThat(sla.path("service").asString()).isEqualTo("partnership");
        assertThat(sla.path("clock").asString()).isEqualTo("dhr-decision");
        assertThat(sla.path("subject").asString()).isEqualTo(id);
        assertThat(sla.path("district").asString()).isEqualTo("swale");
        ConsumerRecord<String, byte[]> missed = TopicRecords.awaitRecord(DHR_TOPIC,
                ofType("partnership.DhrDeadlineMissed.v1").and(keyed(id)));
        assertThat(EventCatalogue.violations(missed)).isEmpty();
        assertThat(as(ANALYST).getJson("/api/partnership/dhrs/" + id).path("missedTimeLimits").valueStream()
                .map(JsonNode::asString)).containsExactly("dhr-decision");

        // and a second scan reports nothing again
        deadlines.recordMissedDeadlines();
        assertThat(TopicRecords.matching(Topics.OPS_EVENTS, ofType("ops.SlaBreached.v1").and(keyed(id)))).hasSize(1);
    }

    @Test
    void aChairFromAnAgencyInvolvedIsRefusedNamingTheFieldAndNothingIsStoredOrPublished() {
        // given a review under way of a case Kent Police was involved in
        String id = as(OFFICER).postExpecting(201, "/api/partnership/dhrs", Map.of("district", "dover",
                "notifiedOn", today().minusDays(10).toString(), "agenciesInvolved", List.of("kent-police", "probation-kent")))
                .path("id").asString();
        as(OFFICER).postExpecting(200, "/api/partnership/dhrs/" + id + "/decision",
                Map.of("holdReview", true, "decidedOn", today().minusDays(3).toString()));
        Document before = mongo.getCollection("domestic_homicide_reviews").find(new Document("_id", id)).first();

        // when a Kent Police chair is proposed
        List<String> refused = refusedFields(as(OFFICER).post("/api/partnership/dhrs/" + id + "/panel", Map.of(
                "chair", Map.of("name", "A. Officer", "agency", "kent-police"), "panelAgencies", List.of("kent-police"),
                "convenedOn", today().toString())));

        // then
        assertThat(refused).containsExactly("chair.agency");
        assertThat(mongo.getCollection("domestic_homicide_reviews").find(new Document("_id", id)).first().get("version"))
                .isEqualTo(before.get("version"));

        // when an independent chair follows, then only that panel is published
        as(OFFICER).postExpecting(200, "/api/partnership/dhrs/" + id + "/panel", Map.of(
                "chair", Map.of("name", "A. Chair", "agency", "independent"), "panelAgencies", List.of("kent-police"),
                "convenedOn", today().toString()));
        ConsumerRecord<String, byte[]> convened = TopicRecords.awaitRecord(DHR_TOPIC,
                ofType("partnership.DhrPanelConvened.v1").and(keyed(id)));
        assertThat(TopicRecords.matching(DHR_TOPIC, ofType("partnership.DhrPanelConvened.v1").and(keyed(id)))).hasSize(1);
        assertThat(new String(convened.value(), StandardCharsets.UTF_8)).contains("\"chairAgency\":\"independent\"")
                .doesNotContain("A. Chair");
    }

    @Test
    void aBadNotificationIsRefusedNamingEveryFieldAndNothingIsStoredOrPublished() {
        long stored = mongo.getCollection("domestic_homicide_reviews").countDocuments();
        long details = mongo.getCollection("dhr_personal_details").countDocuments();

        // when
        List<String> refused = refusedFields(as(OFFICER).post("/api/partnership/dhrs", Map.of("district", "atlantis",
                "notifiedOn", today().plusDays(3).toString(), "agenciesInvolved", List.of("kent-police", "Mr Smith's GP"),
                "victimName", VICTIM_NAME)));

        // then
        assertThat(refused).containsExactlyInAnyOrder("district", "notifiedOn", "agenciesInvolved[1]");
        assertThat(mongo.getCollection("domestic_homicide_reviews").countDocuments()).isEqualTo(stored);
        assertThat(mongo.getCollection("dhr_personal_details").countDocuments()).isEqualTo(details);
        // a later good notification is published; the refused one never was
        long notifiedBefore = TopicRecords.matching(DHR_TOPIC, ofType("partnership.DhrNotified.v1")).size();
        String id = as(OFFICER).postExpecting(201, "/api/partnership/dhrs", Map.of("district", "ashford",
                "notifiedOn", today().toString(), "agenciesInvolved", List.of("kent-police"))).path("id").asString();
        TopicRecords.awaitRecord(DHR_TOPIC, ofType("partnership.DhrNotified.v1").and(keyed(id)));
        assertThat(TopicRecords.matching(DHR_TOPIC, ofType("partnership.DhrNotified.v1"))).hasSize((int) notifiedBefore + 1);
    }

    @Test
    void theAsbCaseReviewFiguresCountApplicationsThresholdsReviewsAndRecommendations() {
        // given four applications in Tunbridge Wells last year and one in Swale, whose threshold is two
        int year = today().getYear() - 1;
        LocalDate received = LocalDate.of(year, 3, 10);
        PartnershipApi officer = as(OFFICER);
        String met = apply("tunbridge-wells", received, 3);
        String metToo = apply("tunbridge-wells", received, 5);
        String notMet = apply("tunbridge-wells", received, 2);
        apply("tunbridge-wells", received, 1);
        JsonNode swale = officer.postExpecting(201, "/api/partnership/asb-reviews",
                Map.of("district", "swale", "receivedOn", received.toString(), "complaints", 2));
        assertThat(swale.path("meetsThreshold").asBoolean()).isTrue();
        assertThat(swale.path("threshold").asInt()).isEqualTo(2);

        // a met threshold cannot be turned down
        assertThat(refusedFields(officer.post("/api/partnership/asb-reviews/" + met + "/decision",
                Map.of("reviewToBeHeld", false, "decidedOn", received.plusDays(5).toString())))).containsExactly("reviewToBeHeld");

        // when two reviews are carried out, one with recommendations, and one application is not reviewed
        decide(met, true, received.plusDays(5));
        decide(metToo, true, received.plusDays(5));
        decide(notMet, false, received.plusDays(5));
        officer.postExpecting(200, "/api/partnership/asb-reviews/" + met + "/outcome", Map.of("completedOn",
                received.plusDays(30).toString(), "recommendations", List.of("Joint patrols", "Mediation offered")));
        officer.postExpecting(200, "/api/partnership/asb-reviews/" + metToo + "/outcome", Map.of("completedOn",
                received.plusDays(30).toString(), "recommendations", List.of()));

        // then the published figures, for the panel as for the partnership
        JsonNode figures = as(PANEL).getJson("/api/partnership/asb-reviews/figures?district=tunbridge-wells&year=" + year);
        assertThat(figures.path("applicationsReceived").asLong()).isEqualTo(4);
        assertThat(figures.path("applicationsMeetingThreshold").asLong()).isEqualTo(2);
        assertThat(figures.path("reviewsCarriedOut").asLong()).isEqualTo(2);
        assertThat(figures.path("reviewsWithRecommendations").asLong()).isEqualTo(1);
        assertThat(as(ANALYST).getJson("/api/partnership/asb-reviews/figures?district=tunbridge-wells&year=" + (year - 1))
                .path("applicationsReceived").asLong()).isZero();
        assertThat(as(PANEL).get("/api/partnership/asb-reviews/" + met).statusCode()).as("the panel sees aggregates only")
                .isEqualTo(403);
        assertThat(refusedFields(as(ANALYST).get("/api/partnership/asb-reviews/figures?district=kent&year=last")))
                .containsExactlyInAnyOrder("district", "year");

        // and every event the service published fits the catalogue
        TopicRecords.awaitRecord(ASB_TOPIC, ofType("partnership.AsbCaseReviewCompleted.v1").and(keyed(metToo)));
        for (String topic : List.of(ASB_TOPIC, DHR_TOPIC)) {
            for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(topic)) {
                assertThat(EventCatalogue.violations(record)).as(topic + " " + record.key()).isEmpty();
            }
        }
    }

    @Test
    void withoutATokenOrTheRightScopeNothingAnswers() {
        assertThat(org.saferkent.platform.test.SecuredApi.at(port).anonymous().get("/api/partnership/asb-reviews/figures?district=dover&year=2025")
                .statusCode()).isEqualTo(401);
        assertThat(as(PANEL).post("/api/partnership/dhrs", "{}").statusCode()).isEqualTo(403);
        // the PCC office's token is for commissioning only
        assertThat(new PartnershipApi(port, "pcc-office").get("/api/partnership/dhrs/dhr-unknown").statusCode()).isEqualTo(401);
        assertThat(new PartnershipApi(port, "dpo").get("/api/partnership/dhrs/dhr-unknown").statusCode()).isEqualTo(403);
        assertThat(as(ANALYST).get("/api/partnership/dhrs/dhr-unknown").statusCode()).isEqualTo(404);
        // operations read its (empty) list of consumer bindings like every other service's
        assertThat(new PartnershipApi(port, "ops").get("/actuator/bindings").statusCode()).isEqualTo(200);
    }

    /** Every query behind the reads, the figures and the deadline scan is served by an index the service declares. */
    @Test
    void theReadsTheFiguresAndTheDeadlineScanReadNoCollectionWhole() {
        String id = as(OFFICER).postExpecting(201, "/api/partnership/dhrs", Map.of("district", "maidstone",
                "notifiedOn", today().minusMonths(3).toString(), "agenciesInvolved", List.of("kent-police"),
                "victimName", VICTIM_NAME)).path("id").asString();
        String application = apply("maidstone", today(), 1);
        StoreScans.Mark mark = StoreScans.mark("partnership");

        as(ANALYST).getJson("/api/partnership/dhrs/" + id);
        as(OFFICER).getJson("/api/partnership/dhrs/" + id + "/personal-details");
        deadlines.recordMissedDeadlines();
        as(ANALYST).getJson("/api/partnership/asb-reviews/" + application);
        as(ANALYST).getJson("/api/partnership/asb-reviews/figures?district=maidstone&year=" + today().getYear());

        assertThat(StoreScans.since(mark).keySet().stream().filter(shape -> shape.startsWith("partnership."))
                .filter(shape -> !shape.contains("pendingEvents") && !shape.contains("relayLease")))
                .as("collection scans of the partnership's collections, by query shape").isEmpty();
    }

    private String apply(String district, LocalDate receivedOn, int complaints) {
        return as(OFFICER).postExpecting(201, "/api/partnership/asb-reviews",
                Map.of("district", district, "receivedOn", receivedOn.toString(), "complaints", complaints)).path("id").asString();
    }

    private void decide(String id, boolean hold, LocalDate on) {
        as(OFFICER).postExpecting(200, "/api/partnership/asb-reviews/" + id + "/decision",
                Map.of("reviewToBeHeld", hold, "decidedOn", on.toString()));
    }

    private static Predicate<ConsumerRecord<String, byte[]>> ofType(String type) {
        return TopicRecords.headerEquals(CloudEventHeaders.TYPE, type);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> keyed(String key) {
        return record -> key.equals(record.key());
    }
}
