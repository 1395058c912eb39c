package org.saferkent.rj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.rj.Bus.CASE_EVENTS;
import static org.saferkent.rj.Bus.REFERRAL_EVENTS;
import static org.saferkent.rj.Bus.VICTIM_EVENTS;
import static org.saferkent.rj.Bus.keyed;
import static org.saferkent.rj.Bus.ofType;
import static org.saferkent.rj.Bus.payload;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Cases open from each of their three sources exactly once, however often the source event is
 * delivered or the YOS posts its referral; bad YOS referrals are refused and leave no trace.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=restorative-justice")
@WithRealInfrastructure
class RjCaseOpeningIT {

    private static final String OPENED = "rj.RjCaseOpened.v1";

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

    @Test
    void aReferralRoutedToRestorativeJusticeOpensOneCaseHoweverOftenItIsDelivered() {
        String referralId = UUID.randomUUID().toString();
        String victim = People.pseudonym();
        ProducerRecord<String, byte[]> routed = Bus.referralRouted(referralId, "restorative-justice", "violent-crime",
                List.of("hate-crime"), "victim", victim);

        TopicRecords.send(routed);
        TopicRecords.send(routed);
        Bus.awaitConsumed(REFERRAL_EVENTS);

        JsonNode rjCase = api().getJson("/api/rj-cases?referralId=" + referralId);
        assertThat(rjCase.path("district").asString()).isEqualTo("canterbury");
        assertThat(rjCase.path("source").asString()).isEqualTo("referral");
        assertThat(rjCase.path("participants").valueStream().map(p -> p.path("role").asString() + ":"
                + p.path("pseudonym").asString())).containsExactly("victim:" + victim);
        String caseId = rjCase.path("id").asString();
        assertThat(api().getJson("/api/rj-cases/" + caseId).path("id").asString()).isEqualTo(caseId);

        ConsumerRecord<String, byte[]> opened = Bus.await(CASE_EVENTS, ofType(OPENED).and(keyed(caseId)));
        JsonNode event = payload(opened);
        assertThat(event.path("caseId").asString()).isEqualTo(caseId);
        assertThat(event.path("referralId").asString()).isEqualTo(referralId);
        assertThat(event.path("district").asString()).isEqualTo("canterbury");
        assertThat(event.path("category").asString()).isEqualTo("violent-crime");
        assertThat(event.path("source").asString()).isEqualTo("referral");
        assertThat(Bus.matching(CASE_EVENTS, ofType(OPENED).and(keyed(caseId)))).hasSize(1);
        assertThat(casesFrom(referralId)).isEqualTo(1);
    }

    @Test
    void aReferralRoutedToAnotherPathwayOpensNoCase() {
        String referralId = UUID.randomUUID().toString();

        TopicRecords.send(Bus.referralRouted(referralId, "victim-support", "burglary", List.of(), "victim", People.pseudonym()));
        Bus.awaitConsumed(REFERRAL_EVENTS);

        assertThat(RjApi.problem(api().get("/api/rj-cases?referralId=" + referralId), 404).path("title").asString())
                .isEqualTo("Restorative justice case not found");
        assertThat(casesFrom(referralId)).isZero();
    }

    @Test
    void aVictimsOptInOpensOneCaseHoweverOftenItIsDelivered() {
        String victimCaseId = "vc-" + UUID.randomUUID();
        String referralId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> optedIn = Bus.victimOptedIn(victimCaseId, referralId, People.pseudonym());

        TopicRecords.send(optedIn);
        TopicRecords.send(optedIn);
        Bus.awaitConsumed(VICTIM_EVENTS);

        String caseId = "rj-referral-" + referralId; // keyed by the referral it names, as its routing would be
        JsonNode rjCase = api().getJson("/api/rj-cases/" + caseId);
        assertThat(rjCase.path("source").asString()).isEqualTo("victim-case");
        assertThat(rjCase.path("victimCaseId").asString()).isEqualTo(victimCaseId);
        assertThat(rjCase.path("participants").valueStream().map(p -> p.path("role").asString())).containsExactly("victim");
        assertThat(api().getJson("/api/rj-cases?referralId=" + referralId).path("id").asString()).isEqualTo(caseId);
        JsonNode event = payload(Bus.await(CASE_EVENTS, ofType(OPENED).and(keyed(caseId))));
        assertThat(event.path("referralId").asString()).isEqualTo(referralId);
        assertThat(event.path("district").asString()).isEqualTo("dover");
        assertThat(Bus.matching(CASE_EVENTS, ofType(OPENED).and(keyed(caseId)))).hasSize(1);
    }

    @Test
    void aVictimOptingInWhoseReferralOpenedACaseAlreadyJoinsThatCase() {
        String referralId = UUID.randomUUID().toString();
        String victim = People.pseudonym();
        TopicRecords.send(Bus.referralRouted(referralId, "restorative-justice", "criminal-damage-arson", List.of(),
                "offender", People.pseudonym()));
        Bus.awaitConsumed(REFERRAL_EVENTS);
        String victimCaseId = "vc-" + referralId;

        ProducerRecord<String, byte[]> optedIn = Bus.victimOptedIn(victimCaseId, referralId, victim);
        TopicRecords.send(optedIn);
        TopicRecords.send(optedIn);
        Bus.awaitConsumed(VICTIM_EVENTS);

        JsonNode rjCase = api().getJson("/api/rj-cases?referralId=" + referralId);
        assertThat(rjCase.path("source").asString()).isEqualTo("referral");
        assertThat(rjCase.path("victimCaseId").asString()).isEqualTo(victimCaseId);
        assertThat(rjCase.path("participants").valueStream().map(p -> p.path("role").asString()))
                .containsExactly("offender", "victim");
        assertThat(api().get("/api/rj-cases/rj-victim-case-" + victimCaseId).statusCode()).isEqualTo(404);
        assertThat(casesFrom(referralId)).isEqualTo(1);
    }

    @Test
    void aYouthOffendingServiceReferralOpensOneCaseForItsReference() {
        String reference = "YOS/" + UUID.randomUUID();
        String offender = People.pseudonym();
        Map<String, Object> referral = yosReferral(reference, offender);

        JsonNode created = api().postExpecting(201, "/api/rj-cases", referral);
        JsonNode again = api().postExpecting(200, "/api/rj-cases", referral);

        String caseId = created.path("id").asString();
        assertThat(again.path("id").asString()).isEqualTo(caseId);
        assertThat(created.path("source").asString()).isEqualTo("yos");
        assertThat(created.path("district").asString()).isEqualTo("swale");
        assertThat(created.path("participants").valueStream().map(p -> p.path("role").asString() + ":"
                + p.path("pseudonym").asString() + ":" + p.path("age").asInt())).containsExactly("offender:" + offender + ":15");
        JsonNode event = payload(Bus.await(CASE_EVENTS, ofType(OPENED).and(keyed(caseId))));
        assertThat(event.path("source").asString()).isEqualTo("yos");
        assertThat(event.path("referralId").isNull()).isTrue();
        assertThat(event.path("district").asString()).isEqualTo("swale");
        assertThat(Bus.matching(CASE_EVENTS, ofType(OPENED).and(keyed(caseId)))).hasSize(1);
        assertThat(casesWithSource(reference)).isEqualTo(1);
    }

    @Test
    void anInvalidYouthOffendingServiceReferralIsAProblemNamingEachFieldAndLeavesNoTrace() {
        String reference = "YOS/" + UUID.randomUUID();
        Map<String, Object> referral = new HashMap<>(Map.of("agency", "kent-police", "offenderPseudonym", "Jane Doe",
                "ageAtOffence", 19, "offenceCategory", "jaywalking", "offenceDate", LocalDate.now().plusDays(3).toString(),
                "district", "atlantis", "yosReference", reference, "flags", List.of("domestic-abuse", "unheard-of")));

        JsonNode problem = RjApi.problem(api().post("/api/rj-cases", referral), 422);

        assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
        assertThat(RjApi.errorFields(problem)).containsExactlyInAnyOrder("agency", "offenderPseudonym", "ageAtOffence",
                "offenceCategory", "offenceDate", "district", "flags[1]");
        assertThat(problem.toString()).doesNotContain("Jane Doe").doesNotContain("atlantis").doesNotContain("jaywalking");
        assertNothingOpenedFor(reference);
    }

    @Test
    void aYouthOffendingServiceReferralWithoutItsReferenceOrWithMalformedJsonIsRefused() {
        Map<String, Object> referral = new HashMap<>(yosReferral("ignored", People.pseudonym()));
        referral.remove("yosReference");

        assertThat(RjApi.errorFields(RjApi.problem(api().post("/api/rj-cases", referral), 422))).containsExactly("yosReference");
        assertThat(RjApi.problem(api().post("/api/rj-cases", "{\"agency\":"), 400).path("title").asString())
                .isEqualTo("Unreadable request body");
        assertThat(RjApi.errorFields(RjApi.problem(api().post("/api/rj-cases", "null"), 422))).containsExactly("$");
    }

    private void assertNothingOpenedFor(String reference) {
        assertThat(casesWithSource(reference)).isZero();
        String marker = api().postExpecting(201, "/api/rj-cases", yosReferral("YOS/" + UUID.randomUUID(), People.pseudonym()))
                .path("id").asString();
        Bus.await(CASE_EVENTS, ofType(OPENED).and(keyed(marker)));
        assertThat(Bus.matching(CASE_EVENTS, record -> TopicRecords.value(record).contains(reference))).isEmpty();
    }

    static Map<String, Object> yosReferral(String reference, String offender) {
        return Map.of("agency", "kcc-youth-offending-service", "offenderPseudonym", offender, "ageAtOffence", 15,
                "offenceCategory", "criminal-damage-arson", "offenceDate", "2026-06-02", "district", "swale",
                "yosReference", reference);
    }

    private long casesFrom(String referralId) {
        return rjCases().countDocuments(new Document("referralId", referralId));
    }

    private long casesWithSource(String sourceId) {
        return rjCases().countDocuments(new Document("sourceId", sourceId));
    }

    private com.mongodb.client.MongoCollection<Document> rjCases() {
        return mongo.getCollection("rj_cases");
    }

    private RjApi api() {
        return new RjApi(port);
    }
}
