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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.messaging.DeadLetterHeaders;
import org.saferkent.platform.test.ConsumerBindings;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingService;
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
    private static final String ROUTED = "referrals.ReferralRouted.v1";
    private static final String DLQ = Topics.deadLetterTopic(REFERRAL_EVENTS, RestorativeJusticeApplication.NAME);

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private BindingService bindings;

    @Autowired
    private MeterRegistry meters;

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

    /**
     * Routings come a poll at a time: the poll's flags are one write. The binding is stopped while they are published,
     * so that one poll holds them all; the store's write commands are counted by the driver's command metrics, as the
     * benchmark counts them (one write per routing before, {@code routings} here).
     */
    @Test
    void aBurstOfRoutingsKeepsEveryReferralsFlagsWithFarFewerStoreWritesThanRoutings() {
        int routings = 40;
        List<String> referrals = IntStream.range(0, routings).mapToObj(i -> UUID.randomUUID().toString()).toList();
        long before = flagWrites();

        whileStopped(() -> referrals.forEach(referralId -> TopicRecords.send(Bus.referralRouted(referralId, "victim-support",
                "violent-crime", List.of("hate-crime"), "victim", People.pseudonym()))));
        Bus.awaitConsumed(REFERRAL_EVENTS);

        long writes = flagWrites() - before;
        LoggerFactory.getLogger(RjCaseOpeningIT.class).info("{} routings in one burst: {} write commands to rj_referral_flags",
                routings, writes);
        assertThat(referralFlags(referrals)).as("every referral's flags kept").hasSize(routings).allSatisfy(known -> assertThat(known)
                .containsEntry("district", "canterbury").containsEntry("category", "violent-crime")
                .containsEntry("flags", List.of("hate-crime")));
        assertThat(writes).as("write commands to rj_referral_flags for %d routings", routings).isBetween(1L, routings / 10L);
        assertThat(referrals).allSatisfy(referralId -> assertThat(casesFrom(referralId)).isZero());
    }

    /**
     * A poll holding an unreadable routing and one without its referral: each is dead-lettered alone, and the rest of
     * the poll is handled once: its flags kept, its cases opened, a case an opt-in opened told its referral's flags.
     */
    @Test
    void aPoisonRoutingInAPollIsDeadLetteredAloneAndTheRestOfThePollIsHandledOnce() {
        String opened = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        String optedIn = UUID.randomUUID().toString();
        String alsoOpened = UUID.randomUUID().toString();
        TopicRecords.send(Bus.victimOptedIn("vc-" + optedIn, optedIn, People.pseudonym()));
        Bus.awaitConsumed(VICTIM_EVENTS);
        ProducerRecord<String, byte[]> unreadable = Bus.record(REFERRAL_EVENTS, ROUTED, "unreadable-" + UUID.randomUUID(),
                "{\"referralId\":".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> unnamed = Bus.record(REFERRAL_EVENTS, ROUTED, "unnamed-" + UUID.randomUUID(),
                Map.of("pathway", "restorative-justice", "district", "canterbury", "category", "burglary"));

        whileStopped(() -> List.of(
                Bus.referralRouted(opened, "restorative-justice", "burglary", List.of(), "victim", People.pseudonym()),
                unreadable,
                Bus.referralRouted(elsewhere, "victim-support", "burglary", List.of("repeat-victim"), "victim", People.pseudonym()),
                unnamed,
                Bus.referralRouted(optedIn, "victim-support", "violent-crime", List.of("stalking"), "victim", People.pseudonym()),
                Bus.referralRouted(alsoOpened, "restorative-justice", "burglary", List.of(), "offender", People.pseudonym()))
                .forEach(TopicRecords::send));

        assertThat(TopicRecords.header(Bus.await(DLQ, keyed(unreadable.key())), DeadLetterHeaders.FAILURE)).isEqualTo("INVALID");
        assertThat(TopicRecords.header(Bus.await(DLQ, keyed(unnamed.key())), DeadLetterHeaders.REASON))
                .isEqualTo("missing field 'referralId'");
        Bus.awaitConsumed(REFERRAL_EVENTS);

        for (String referralId : List.of(opened, alsoOpened)) {
            String caseId = "rj-referral-" + referralId;
            Bus.await(CASE_EVENTS, ofType(OPENED).and(keyed(caseId)));
            assertThat(Bus.matching(CASE_EVENTS, ofType(OPENED).and(keyed(caseId)))).hasSize(1);
            assertThat(casesFrom(referralId)).isEqualTo(1);
        }
        assertThat(casesFrom(elsewhere)).isZero();
        JsonNode told = api().getJson("/api/rj-cases?referralId=" + optedIn);
        assertThat(told.path("referralPending").asBoolean()).isFalse();
        assertThat(told.path("sensitivities").valueStream().map(JsonNode::asString)).containsExactly("stalking");
        assertThat(referralFlags(List.of(opened, elsewhere, optedIn, alsoOpened))).extracting(known -> known.getString("_id"))
                .containsExactlyInAnyOrder(opened, elsewhere, optedIn, alsoOpened);
        assertThat(Bus.matching(DLQ, record -> List.of(opened, elsewhere, optedIn, alsoOpened).contains(record.key()))).isEmpty();
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

    /** Runs {@code work} with the routings' binding stopped, then starts it again: what it published is one poll. */
    private void whileStopped(Runnable work) {
        ConsumerBindings.whileStopped(bindings, work, "referralEvents-in-0");
    }

    /** The write commands (insert, update, delete, findAndModify) this service sent for the referrals' flags so far. */
    private long flagWrites() {
        return meters.find("mongodb.driver.commands").tag("collection", "rj_referral_flags").timers().stream()
                .filter(timer -> List.of("insert", "update", "delete", "findAndModify").contains(timer.getId().getTag("command")))
                .mapToLong(Timer::count).sum();
    }

    private List<Document> referralFlags(List<String> referralIds) {
        return mongo.getCollection("rj_referral_flags").find(new Document("_id", new Document("$in", referralIds)))
                .into(new ArrayList<>());
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
