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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.Tokens;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Triage over real HTTP with the real broker and store: DASH risk and MARAC (high risk, repeat,
 * escalation), duplicates from several agencies linked rather than counted twice, batches, and the
 * referral's status following the cases the victims and restorative justice services open and close.
 * Every test refers people of its own (random names), so no test sees another's subjects.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT,
        properties = {"spring.config.name=referrals", "saferkent.referrals.batch-max-size=5",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.limit=7",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.period=1h"})
@WithRealInfrastructure
class ReferralTriageIT {

    private static final String TOPIC = "referrals.referral.events";
    private static final String TRIAGED = "referrals.ReferralTriaged.v1";
    private static final String ROUTED = "referrals.ReferralRouted.v1";
    private static final String LINKED = "referrals.ReferralLinked.v1";
    private static final String ACCEPTED = "referrals.ReferralAccepted.v1";
    private static final String CLOSED = "referrals.ReferralClosed.v1";
    private static final ZoneId KENT = ZoneId.of("Europe/London");

    private static final TopicLog EVENTS = TopicLog.of(TOPIC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private MeterRegistry meters;

    // ---------------------------------------------------------------- DASH and MARAC

    @Test
    void aDomesticAbuseReferralWithFourteenYesAnswersIsHighRiskAndGoesToMarac() throws Exception {
        Person victim = Person.random();

        JsonNode referral = created(domesticAbuse("kent-police", victim, 14, today().minusDays(2)));

        String id = referral.path("id").asString();
        assertThat(referral.path("triage").path("riskLevel").asString()).isEqualTo("high");
        assertThat(referral.path("triage").path("marac").asBoolean()).isTrue();
        assertThat(strings(referral.path("triage").path("maracReasons"))).containsExactly("high_risk");
        JsonNode triaged = payload(EVENTS.await(ofType(TRIAGED).and(keyed(id))));
        assertThat(triaged.path("riskLevel").asString()).isEqualTo("high");
        assertThat(triaged.path("dashYesAnswers").asInt()).isEqualTo(14);
        assertThat(triaged.path("marac").asBoolean()).isTrue();
        JsonNode routed = payload(EVENTS.await(ofType(ROUTED).and(keyed(id)).and(payloadField("pathway", "domestic-abuse"))));
        assertThat(routed.path("marac").asBoolean()).isTrue();
        assertThat(routed.path("riskLevel").asString()).isEqualTo("high");
    }

    @Test
    void thirteenYesAnswersAreMediumRiskAndDoNotGoToMarac() throws Exception {
        Person victim = Person.random();

        JsonNode referral = created(domesticAbuse("kent-police", victim, 13, today().minusDays(2)));

        String id = referral.path("id").asString();
        assertThat(referral.path("triage").path("riskLevel").asString()).isEqualTo("medium");
        assertThat(referral.path("triage").path("marac").asBoolean()).isFalse();
        assertThat(referral.path("triage").path("maracReasons")).isEmpty();
        JsonNode triaged = payload(EVENTS.await(ofType(TRIAGED).and(keyed(id))));
        assertThat(triaged.path("riskLevel").asString()).isEqualTo("medium");
        assertThat(triaged.path("dashYesAnswers").asInt()).isEqualTo(13);
        assertThat(triaged.path("marac").asBoolean()).isFalse();
        EVENTS.await(ofType(ROUTED).and(keyed(id)));
        assertThat(EVENTS.matching(ofType(ROUTED).and(keyed(id))))
                .allSatisfy(event -> assertThat(payload(event).path("marac").asBoolean()).isFalse());
    }

    @Test
    void professionalJudgementRaisesTheRiskLevelButNeverLowersIt() throws Exception {
        Map<String, Object> raised = domesticAbuse("kent-police", Person.random(), 4, today().minusDays(1));
        dashOf(raised).put("professionalJudgement", "high");
        Map<String, Object> lowered = domesticAbuse("kent-police", Person.random(), 15, today().minusDays(1));
        dashOf(lowered).put("professionalJudgement", "standard");

        JsonNode raisedTriage = created(raised).path("triage");
        JsonNode loweredTriage = created(lowered).path("triage");

        assertThat(raisedTriage.path("riskLevel").asString()).isEqualTo("high");
        assertThat(raisedTriage.path("raisedByProfessionalJudgement").asBoolean()).isTrue();
        assertThat(raisedTriage.path("marac").asBoolean()).isTrue();
        assertThat(loweredTriage.path("riskLevel").asString()).isEqualTo("high");
        assertThat(loweredTriage.path("raisedByProfessionalJudgement").asBoolean()).isFalse();
        assertThat(loweredTriage.path("marac").asBoolean()).isTrue();
    }

    @Test
    void aFurtherDomesticAbuseIncidentWithinTwelveMonthsOfTheLastMaracReferralIsARepeatWhateverItsScore() throws Exception {
        Person victim = Person.random();
        JsonNode first = created(domesticAbuse("kent-police", victim, 16, today().minusMonths(7)));
        assertThat(first.path("triage").path("marac").asBoolean()).isTrue();

        // the case went to MARAC when it was referred (today): an incident since is a repeat
        JsonNode again = created(domesticAbuse("kent-police", victim, 2, today()));

        String id = again.path("id").asString();
        assertThat(again.path("subjectPseudonym").asString()).isEqualTo(first.path("subjectPseudonym").asString());
        assertThat(again.path("triage").path("riskLevel").asString()).isEqualTo("standard");
        assertThat(again.path("triage").path("marac").asBoolean()).isTrue();
        assertThat(strings(again.path("triage").path("maracReasons"))).containsExactly("repeat");
        JsonNode triaged = payload(EVENTS.await(ofType(TRIAGED).and(keyed(id))));
        assertThat(triaged.path("marac").asBoolean()).isTrue();
        assertThat(strings(triaged.path("maracReasons"))).containsExactly("repeat");
        EVENTS.await(ofType(ROUTED).and(keyed(id)).and(payloadField("pathway", "domestic-abuse")));
    }

    @Test
    void anIncidentMoreThanTwelveMonthsAfterTheLastMaracReferralIsNotARepeat() throws Exception {
        Person victim = Person.random();
        LocalDate firstIncident = today().minusMonths(20);
        assertThat(created(domesticAbuse("kent-police", victim, 16, firstIncident)).path("triage").path("marac").asBoolean())
                .isTrue();

        JsonNode again = created(domesticAbuse("kent-police", victim, 2, today().minusDays(3)));

        assertThat(again.path("triage").path("marac").asBoolean()).isFalse();
        assertThat(again.path("triage").path("maracReasons")).isEmpty();
    }

    /**
     * The last MARAC referral is the day the case was referred (the referral's receipt) and only moves forward:
     * a historic incident reported late, even a high-risk one, does not move it back, so an incident today is
     * still a repeat of today's MARAC referral.
     */
    @Test
    void aHistoricIncidentReportedLateNeverMovesTheLastMaracReferralBack() throws Exception {
        Person victim = Person.random();
        Map<String, Object> today = domesticAbuse("kent-police", victim, 16, today());
        today.put("crimeReference", randomCrimeReference());
        assertThat(created(today).path("triage").path("marac").asBoolean()).isTrue();
        Map<String, Object> historic = domesticAbuse("kcc-families-social-care", victim, 16, today().minusYears(2));
        historic.put("crimeReference", randomCrimeReference());
        assertThat(created(historic).path("triage").path("marac").asBoolean()).as("high risk").isTrue();

        Map<String, Object> another = domesticAbuse("nhs-kent-medway", victim, 2, today());
        another.put("crimeReference", randomCrimeReference());
        JsonNode repeat = created(another);

        assertThat(repeat.path("triage").path("marac").asBoolean()).as(repeat.toString()).isTrue();
        assertThat(strings(repeat.path("triage").path("maracReasons"))).contains("repeat");
    }

    /** A referral linked as a duplicate still carries its own safeguarding facts: its high risk is a MARAC referral of the person. */
    @Test
    void aHighRiskLinkedReferralIsAMaracReferralForThePerson() throws Exception {
        Person victim = Person.random();
        String crimeReference = randomCrimeReference();
        Map<String, Object> fromPolice = domesticAbuse("kent-police", victim, 3, today().minusMonths(3));
        fromPolice.put("crimeReference", crimeReference);
        assertThat(created(fromPolice).path("triage").path("marac").asBoolean()).isFalse();
        Map<String, Object> fromHealth = domesticAbuse("nhs-kent-medway", victim, 16, today().minusMonths(3));
        fromHealth.put("crimeReference", crimeReference);
        JsonNode linked = created(fromHealth);
        assertThat(linked.path("status").asString()).isEqualTo("linked");
        assertThat(linked.path("triage").path("marac").asBoolean()).isTrue();

        Map<String, Object> later = domesticAbuse("kent-police", victim, 2, today());
        later.put("crimeReference", randomCrimeReference());
        JsonNode repeat = created(later);

        assertThat(strings(repeat.path("triage").path("maracReasons"))).as(repeat.toString()).contains("repeat");
    }

    @Test
    void theThirdDomesticAbuseIncidentInTwelveMonthsEscalatesToMarac() throws Exception {
        Person victim = Person.random();

        JsonNode first = created(domesticAbuse("kent-police", victim, 3, today().minusDays(90)));
        JsonNode second = created(domesticAbuse("kent-police", victim, 3, today().minusDays(60)));
        JsonNode third = created(domesticAbuse("kent-police", victim, 3, today().minusDays(30)));

        assertThat(first.path("triage").path("marac").asBoolean()).isFalse();
        assertThat(second.path("triage").path("marac").asBoolean()).isFalse();
        assertThat(third.path("triage").path("riskLevel").asString()).isEqualTo("standard");
        assertThat(third.path("triage").path("marac").asBoolean()).isTrue();
        assertThat(strings(third.path("triage").path("maracReasons"))).containsExactly("escalation");
        JsonNode triaged = payload(EVENTS.await(ofType(TRIAGED).and(keyed(third.path("id").asString()))));
        assertThat(strings(triaged.path("maracReasons"))).containsExactly("escalation");
    }

    // ---------------------------------------------------------------- who a person is (issue 17)

    /**
     * A victim referred from Maidstone with a high DASH, then from a refuge in Canterbury: the second referral has a
     * pseudonym of its own (its events are unchanged) but finds her history by name and date of birth, so an incident
     * since her MARAC referral is a repeat, and a third incident from the refuge escalates.
     */
    @Test
    void aVictimWhoMovesToARefugeKeepsHerMaracHistoryAndHerIncidentsCountTowardsEscalation() throws Exception {
        Person atHome = Person.random().at("ME14 1" + letters());
        Person atRefuge = atHome.at("CT1 3" + letters());
        JsonNode first = created(withCrimeReference(domesticAbuse("kent-police", atHome, 16, today().minusDays(60))));
        assertThat(strings(first.path("triage").path("maracReasons"))).containsExactly("high_risk");

        JsonNode fromRefuge = created(withCrimeReference(domesticAbuse("kent-police", atRefuge, 3, today())));

        assertThat(fromRefuge.path("subjectPseudonym").asString()).isNotEqualTo(first.path("subjectPseudonym").asString());
        assertThat(fromRefuge.path("triage").path("marac").asBoolean()).as(fromRefuge.toString()).isTrue();
        assertThat(strings(fromRefuge.path("triage").path("maracReasons"))).containsExactly("repeat");
        JsonNode routed = payload(EVENTS.await(ofType(ROUTED).and(keyed(fromRefuge.path("id").asString()))));
        assertThat(routed.path("subjectPseudonym").asString()).isEqualTo(fromRefuge.path("subjectPseudonym").asString());

        JsonNode third = created(withCrimeReference(domesticAbuse("kent-police", atRefuge, 3, today())));

        assertThat(strings(third.path("triage").path("maracReasons"))).as(third.toString()).containsExactly("escalation", "repeat");
        // the history is kept once, under the first pseudonym, and knows the refuge's: never by name or in clear
        Document history = mongo.getCollection("subjects").find(new Document("_id", first.path("subjectPseudonym").asString())).first();
        assertThat(history.getList("pseudonyms", String.class)).containsExactly(fromRefuge.path("subjectPseudonym").asString());
        assertThat(history.getList("referralIds", String.class)).hasSize(3);
        assertThat(history.toJson()).doesNotContain(atHome.name(), atHome.dateOfBirth(), "ME14", "CT1");
        assertThat(mongo.getCollection("subjects").countDocuments(new Document("_id", fromRefuge.path("subjectPseudonym").asString())))
                .isZero();
    }

    /**
     * An NHS number an agency gives is a strong identifier: it joins a history whatever the name's spelling and the
     * postcode, and a namesake born the same day with another NHS number is someone else. A mistyped one is refused.
     */
    @Test
    void anNhsNumberJoinsWhateverTheSpellingAndAnotherNhsNumberIsSomeoneElse() throws Exception {
        Person robin = Person.random().at("ME16 8" + letters());
        String nhsNumber = randomNhsNumber();
        JsonNode first = created(withNhsNumber(withCrimeReference(domesticAbuse("kent-police", robin, 16, today().minusDays(9))), nhsNumber));
        assertThat(strings(first.path("triage").path("maracReasons"))).containsExactly("high_risk");

        Person respelt = new Person(robin.name().replace("Robin", "Robyn"), robin.dateOfBirth(), "CT3 9" + letters());
        JsonNode sameNumber = created(withNhsNumber(withCrimeReference(domesticAbuse("kent-police", respelt, 2, today())),
                nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6)));
        assertThat(strings(sameNumber.path("triage").path("maracReasons"))).as(sameNumber.toString()).containsExactly("repeat");

        JsonNode anotherNumber = created(withNhsNumber(withCrimeReference(domesticAbuse("kent-police", robin.at("DA2 6" + letters()),
                2, today())), randomNhsNumber()));
        assertThat(anotherNumber.path("triage").path("marac").asBoolean()).as(anotherNumber.toString()).isFalse();

        String valid = randomNhsNumber();
        String mistyped = valid.substring(0, 9) + (char) ('0' + (valid.charAt(9) - '0' + 1) % 10);
        HttpResponse<String> refused = post("/api/referrals",
                withNhsNumber(domesticAbuse("kent-police", Person.random(), 2, today()), mistyped));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(errorFields(JSON.readTree(refused.body()))).containsExactly("subject.nhsNumber");
        assertThat(refused.body()).doesNotContain(mistyped);
        Document history = mongo.getCollection("subjects").find(new Document("_id", first.path("subjectPseudonym").asString())).first();
        assertThat(history.toJson()).doesNotContain(nhsNumber);
    }

    /** Two first referrals of one person from two addresses at the same instant make one history (the link key's claim). */
    @Test
    void twoFirstReferralsOfOnePersonFromTwoAddressesAtOnceMakeOneHistory() throws Exception {
        Person atHome = null;
        // several rounds: the two intakes interleave differently each time (one once claimed the person after the
        // other had looked, and the other started a second history)
        for (int round = 0; round < 6; round++) {
            atHome = Person.random().at("ME15 6" + letters());
            Person atRefuge = atHome.at("CT2 7" + letters());
            Person home = atHome;
            java.util.concurrent.CompletableFuture<HttpResponse<String>> fromHome = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> postQuietly(withCrimeReference(domesticAbuse("kent-police", home, 3, today().minusDays(3)))));
            java.util.concurrent.CompletableFuture<HttpResponse<String>> fromRefuge = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> postQuietly(withCrimeReference(domesticAbuse("kent-police", atRefuge, 3, today().minusDays(2)))));
            List<String> pseudonyms = new ArrayList<>();
            for (HttpResponse<String> response : List.of(fromHome.get(), fromRefuge.get())) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                pseudonyms.add(JSON.readTree(response.body()).path("subjectPseudonym").asString());
            }

            List<Document> histories = mongo.getCollection("subjects").find(new Document("_id", new Document("$in", pseudonyms)))
                    .into(new ArrayList<>());
            assertThat(histories).as("round %d", round).hasSize(1);
            assertThat(histories.get(0).getList("referralIds", String.class)).hasSize(2);
        }
        // the third incident, from either address, escalates
        JsonNode third = created(withCrimeReference(domesticAbuse("kent-police", atHome, 3, today())));
        assertThat(strings(third.path("triage").path("maracReasons"))).as(third.toString()).containsExactly("escalation");
    }

    /**
     * A namesake born the same day, referred from another postcode, is joined while only one such person is known: a
     * MARAC coordinator undoes the wrong link (audited, with the reason). Her referral and its entries get a history of
     * their own, her next referral stays there, the first person's history keeps its MARAC date, and a third address of
     * the same name and date of birth now joins neither (two people are known by it).
     */
    @Test
    void aWrongLinkBetweenNamesakesIsUndoneAndTheyStayApart() throws Exception {
        Person first = Person.random().at("ME14 2" + letters());
        Person namesake = first.at("CT1 4" + letters());
        JsonNode high = created(withCrimeReference(domesticAbuse("kent-police", first, 16, today().minusDays(40))));
        created(withCrimeReference(domesticAbuse("kent-police", first, 2, today().minusDays(30))));
        JsonNode joined = created(withCrimeReference(domesticAbuse("kent-police", namesake, 2, today())));
        String joinedId = joined.path("id").asString();
        assertThat(strings(joined.path("triage").path("maracReasons"))).as("joined: the first one's incidents and MARAC")
                .containsExactly("escalation", "repeat");

        HttpResponse<String> asAgency = postAs(Tokens.agency("kent-police"), "/api/referrals/" + joinedId + "/subject-link/undo",
                Map.of("reason", "x"));
        HttpResponse<String> reading = postAs(Tokens.bearer("victims-caseworker"), "/api/referrals/" + joinedId + "/subject-link/undo",
                Map.of("reason", "x"));
        HttpResponse<String> noReason = postAs(Tokens.safeguarding(), "/api/referrals/" + joinedId + "/subject-link/undo", Map.of());
        assertThat(asAgency.statusCode()).isEqualTo(403);
        assertThat(reading.statusCode()).as("the read scope does not change links").isEqualTo(403);
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(errorFields(JSON.readTree(noReason.body()))).containsExactly("reason");

        HttpResponse<String> undone = postAs(Tokens.safeguarding(), "/api/referrals/" + joinedId + "/subject-link/undo",
                Map.of("reason", "Different women: MARAC coordinator checked with the refuge"));

        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        assertThat(JSON.readTree(undone.body()).path("referralsMoved").asInt()).isEqualTo(1);
        assertThat(postAs(Tokens.safeguarding(), "/api/referrals/" + joinedId + "/subject-link/undo", Map.of("reason", "again"))
                .statusCode()).as("no longer linked").isEqualTo(409);
        assertThat(postAs(Tokens.safeguarding(), "/api/referrals/" + high.path("id").asString() + "/subject-link/undo",
                Map.of("reason", "x")).statusCode()).as("the history's first").isEqualTo(409);
        assertThat(postAs(Tokens.safeguarding(), "/api/referrals/" + UUID.randomUUID() + "/subject-link/undo",
                Map.of("reason", "x")).statusCode()).isEqualTo(404);
        JsonNode trail = JSON.readTree(getWith(Tokens.bearer("auditor"), "/api/audit?recordId=" + joinedId).body());
        assertThat(trail.valueStream().map(e -> e.path("clientId").asString() + " " + e.path("action").asString() + " "
                + e.path("resource").asString() + " " + e.path("reason").asString()))
                .contains(Tokens.SAFEGUARDING_CLIENT + " undo-subject-link referral-subject-link undone: Different women: "
                        + "MARAC coordinator checked with the refuge");

        // her next referral from her own address finds her own history: her one earlier incident, not the first
        // one's two (no escalation); the MARAC referral made for her referral stays hers (it was made)
        JsonNode hersAgain = created(withCrimeReference(domesticAbuse("kent-police", namesake, 2, today())));
        assertThat(strings(hersAgain.path("triage").path("maracReasons"))).as(hersAgain.toString()).containsExactly("repeat");
        String hers = joined.path("subjectPseudonym").asString();
        assertThat(mongo.getCollection("subjects").find(new Document("_id", hers)).first().getList("referralIds", String.class))
                .containsExactly(joinedId, hersAgain.path("id").asString());
        // the first person's history kept its incidents and MARAC date, without hers, and never takes her in again
        JsonNode theFirstAgain = created(withCrimeReference(domesticAbuse("kent-police", first, 2, today())));
        assertThat(strings(theFirstAgain.path("triage").path("maracReasons"))).containsExactly("escalation", "repeat");
        Document theirs = mongo.getCollection("subjects").find(new Document("_id", high.path("subjectPseudonym").asString())).first();
        assertThat(theirs.getList("referralIds", String.class)).hasSize(3).doesNotContain(joinedId, hersAgain.path("id").asString());
        assertThat(theirs.getList("pseudonyms", String.class)).isEmpty();
        assertThat(theirs.getList("unlinked", String.class)).containsExactly(hers);
        // two people are known by this name and date of birth: a third address joins neither
        JsonNode elsewhere = created(withCrimeReference(domesticAbuse("kent-police", first.at("DA1 5" + letters()), 2, today())));
        assertThat(elsewhere.path("triage").path("marac").asBoolean()).as(elsewhere.toString()).isFalse();
        assertThat(mongo.getCollection("subjects").countDocuments(new Document("_id", elsewhere.path("subjectPseudonym").asString())))
                .isOne();
    }

    // ---------------------------------------------------------------- duplicates

    @Test
    void theSamePersonReferredByAnotherAgencyWithTheSameCrimeReferenceIsLinkedToTheFirstReferral() throws Exception {
        Person person = Person.random();
        String crimeReference = randomCrimeReference();
        Map<String, Object> fromPolice = referral("kent-police", person, "violent-crime");
        fromPolice.put("crimeReference", crimeReference);
        Map<String, Object> fromSocialCare = referral("kcc-families-social-care",
                new Person("  " + person.name().toUpperCase(Locale.ROOT).replace(" ", "   ") + " ", person.dateOfBirth(),
                        person.postcode().toLowerCase(Locale.ROOT).replace(" ", "")), "public-order");
        fromSocialCare.put("crimeReference", crimeReference);

        JsonNode first = created(fromPolice);
        JsonNode second = created(fromSocialCare);

        String firstId = first.path("id").asString();
        String secondId = second.path("id").asString();
        assertThat(first.path("status").asString()).isEqualTo("routed");
        assertThat(second.path("status").asString()).isEqualTo("linked");
        assertThat(second.path("linkedTo").asString()).isEqualTo(firstId);
        assertThat(second.path("linkReason").asString()).isEqualTo("same-crime-reference");
        assertThat(second.path("pathways")).isEmpty();
        assertThat(second.path("subjectPseudonym").asString()).isEqualTo(first.path("subjectPseudonym").asString());

        JsonNode linked = payload(EVENTS.await(ofType(LINKED).and(keyed(secondId))));
        assertThat(linked.path("linkedTo").asString()).isEqualTo(firstId);
        assertThat(linked.path("agency").asString()).isEqualTo("kcc-families-social-care");
        // The linked referral's events are one write, relayed in order: ReferralLinked is its last.
        assertThat(EVENTS.matching(ofType(ROUTED).and(keyed(secondId)))).isEmpty();
        assertThat(EVENTS.matching(ofType(ROUTED).and(keyed(firstId)))).isNotEmpty();
    }

    @Test
    void oneIncidentReferredByTwoAgenciesCountsOnceTowardsMaracEscalation() throws Exception {
        Person victim = Person.random();
        String crimeReference = randomCrimeReference();
        Map<String, Object> fromPolice = domesticAbuse("kent-police", victim, 3, today().minusDays(40));
        fromPolice.put("crimeReference", crimeReference);
        Map<String, Object> fromSocialCare = domesticAbuse("kcc-families-social-care", victim, 3, today().minusDays(40));
        fromSocialCare.put("crimeReference", crimeReference);
        created(fromPolice);
        assertThat(created(fromSocialCare).path("status").asString()).isEqualTo("linked");

        JsonNode secondIncident = created(domesticAbuse("kent-police", victim, 3, today().minusDays(10)));

        // Two incidents in twelve months, not three: the linked referral is the same incident.
        assertThat(secondIncident.path("triage").path("marac").asBoolean()).as(secondIncident.toString()).isFalse();
        assertThat(secondIncident.path("triage").path("maracReasons")).isEmpty();
    }

    @Test
    void theSamePersonReferredByAnotherAgencyForTheSameCategoryWithinTheWindowIsLinked() throws Exception {
        Person person = Person.random();

        JsonNode first = created(referral("kent-police", person, "burglary"));
        JsonNode second = created(referral("probation-kent", person, "burglary"));

        assertThat(second.path("status").asString()).isEqualTo("linked");
        assertThat(second.path("linkedTo").asString()).isEqualTo(first.path("id").asString());
        assertThat(second.path("linkReason").asString()).isEqualTo("same-category-within-window");
    }

    @Test
    void theSameAgencyReferringTheSamePersonTwiceIsNotADuplicate() throws Exception {
        Person person = Person.random();
        Map<String, Object> once = referral("kent-police", person, "violent-crime");
        String crimeReference = randomCrimeReference();
        once.put("crimeReference", crimeReference);
        Map<String, Object> twice = referral("kent-police", person, "violent-crime");
        twice.put("crimeReference", crimeReference);

        JsonNode first = created(once);
        JsonNode second = created(twice);

        assertThat(second.path("id").asString()).isNotEqualTo(first.path("id").asString());
        assertThat(second.path("status").asString()).isEqualTo("routed");
        assertThat(second.path("linkedTo").isNull() || second.path("linkedTo").isMissingNode()).isTrue();
        EVENTS.await(ofType(ROUTED).and(keyed(second.path("id").asString())));
        assertThat(EVENTS.matching(ofType(LINKED).and(keyed(second.path("id").asString())))).isEmpty();
    }

    @Test
    void anotherPersonWithTheSameCrimeReferenceFromAnotherAgencyIsNotLinked() throws Exception {
        Person person = Person.random();
        Person sibling = new Person(person.name(), "2001-01-01", person.postcode());
        Map<String, Object> fromPolice = referral("kent-police", person, "violent-crime");
        String crimeReference = randomCrimeReference();
        fromPolice.put("crimeReference", crimeReference);
        Map<String, Object> fromSchool = referral("kcc-education", sibling, "public-order");
        fromSchool.put("crimeReference", crimeReference);

        JsonNode first = created(fromPolice);
        JsonNode second = created(fromSchool);

        assertThat(second.path("subjectPseudonym").asString()).isNotEqualTo(first.path("subjectPseudonym").asString());
        assertThat(second.path("status").asString()).isEqualTo("routed");
    }

    // ---------------------------------------------------------------- batches

    @Test
    void aBatchTakesEachValidItemAndNamesTheFieldsOfEachInvalidOne() throws Exception {
        Map<String, Object> invalid = referral("kent-police", Person.random(), "violent-crime");
        invalid.put("district", "atlantis");
        invalid.remove("consent");
        // a batch is one agency's export: every item is that agency's
        List<Map<String, Object>> items = List.of(referral("kent-police", Person.random(), "violent-crime"), invalid,
                referral("kent-police", Person.random(), "burglary"));

        HttpResponse<String> response = post("/api/referrals/batch", Map.of("referrals", items));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.path("created").asInt()).isEqualTo(2);
        assertThat(result.path("invalid").asInt()).isEqualTo(1);
        assertThat(result.path("replayed").asInt()).isZero();
        JsonNode results = result.path("results");
        assertThat(results.valueStream().map(r -> r.path("index").asInt() + ":" + r.path("result").asString()))
                .containsExactly("0:created", "1:invalid", "2:created");
        assertThat(results.get(1).path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("referrals[1].district", "referrals[1].consent");
        assertThat(results.get(1).path("id").isNull() || results.get(1).path("id").isMissingNode()).isTrue();
        for (int i : new int[] {0, 2}) {
            String id = results.get(i).path("id").asString();
            assertThat(get("/api/referrals/" + id).statusCode()).isEqualTo(200);
        }
        assertThat(storedWithReference((String) invalid.get("agencyReference"))).isZero();
    }

    @Test
    void aBatchSentAgainIsAnsweredWithTheOriginalReferrals() throws Exception {
        List<Map<String, Object>> items = List.of(referral("kent-police", Person.random(), "violent-crime"),
                referral("kent-police", Person.random(), "robbery"));
        JsonNode first = JSON.readTree(post("/api/referrals/batch", Map.of("referrals", items)).body());

        HttpResponse<String> again = post("/api/referrals/batch", Map.of("referrals", items));

        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(again.body());
        assertThat(result.path("created").asInt()).isZero();
        assertThat(result.path("replayed").asInt()).isEqualTo(2);
        assertThat(result.path("results").valueStream().map(r -> r.path("id").asString()))
                .containsExactlyElementsOf(first.path("results").valueStream().map(r -> r.path("id").asString()).toList());
    }

    @Test
    void aBatchOverTheMaximumSizeIsRefusedWholeNamingReferrals() throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(referral("kent-police", Person.random(), "violent-crime"));
        }

        HttpResponse<String> response = post("/api/referrals/batch", Map.of("referrals", items));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(errorFields(JSON.readTree(response.body()))).containsExactly("referrals");
        for (Map<String, Object> item : items) {
            assertThat(storedWithReference((String) item.get("agencyReference"))).isZero();
        }
    }

    @Test
    void aBatchOfTheMaximumSizeIsTaken() throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(referral("kent-police", Person.random(), "violent-crime"));
        }

        HttpResponse<String> response = post("/api/referrals/batch", Map.of("referrals", items));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("created").asInt()).isEqualTo(5);
    }

    /**
     * A nightly export's new people get their data keys together: one write for the batch, not one each, and
     * each referral's details still sealed under its own person's key (the claim check opens each with it).
     */
    @Test
    void aBatchOfNewPeopleCreatesTheirKeysInOneWriteAndSealsEachUnderItsOwn() throws Exception {
        List<Person> people = List.of(Person.random(), Person.random(), Person.random(), Person.random());
        List<Map<String, Object>> items = new ArrayList<>();
        people.forEach(person -> items.add(referral("kent-police", person, "violent-crime")));
        items.add(referral("kent-police", people.get(0), "robbery")); // the first person again: one key
        long keyWritesBefore = writes("subject_keys");

        HttpResponse<String> response = post("/api/referrals/batch", Map.of("referrals", items));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).path("results");
        assertThat(results.valueStream().map(r -> r.path("result").asString())).containsOnly("created").hasSize(5);
        assertThat(writes("subject_keys") - keyWritesBefore).as("write commands creating four new people's keys").isEqualTo(1);
        List<String> pseudonyms = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String id = results.get(i).path("id").asString();
            HttpResponse<String> claimed = getWith(Tokens.bearer("svc-victims"), "/api/referrals/" + id + "/subject");
            assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
            assertThat(JSON.readTree(claimed.body()).path("name").asString()).isEqualTo(people.get(i % people.size()).name());
            pseudonyms.add(safeguardingView(id).path("subjectPseudonym").asString());
        }
        assertThat(pseudonyms.get(4)).isEqualTo(pseudonyms.get(0));
        for (String pseudonym : pseudonyms.subList(0, 4)) {
            assertThat(mongo.getCollection("subject_keys").countDocuments(new Document("subject", pseudonym)))
                    .as("keys of one person").isEqualTo(1);
        }
    }

    @Test
    void anEmptyBatchIsAProblemNamingReferrals() throws Exception {
        HttpResponse<String> response = post("/api/referrals/batch", Map.of("referrals", List.of()));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(errorFields(JSON.readTree(response.body()))).containsExactly("referrals");
    }

    // ---------------------------------------------------------------- status from the cases

    @Test
    void aVictimCaseOpenedAcceptsTheReferralOnceAndItsClosureClosesIt() throws Exception {
        String id = created(referral("kent-police", Person.random(), "violent-crime")).path("id").asString();
        String caseId = "vc-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> opened = CaseEvents.record(CaseEvents.VICTIMS_TOPIC, "victims.VictimCaseOpened.v1",
                caseId, Map.of("caseId", caseId, "referralId", id, "pathway", "victim-support"));

        TopicRecords.send(opened);

        awaitStatus(id, "accepted");
        JsonNode accepted = payload(EVENTS.await(ofType(ACCEPTED).and(keyed(id))));
        assertThat(accepted.path("pathway").asString()).isEqualTo("victim-support");
        assertThat(accepted.path("caseId").asString()).isEqualTo(caseId);

        TopicRecords.send(opened); // redelivered: the same ce_id
        CaseEvents.send(CaseEvents.VICTIMS_TOPIC, "victims.VictimCaseClosed.v1", caseId,
                Map.of("caseId", caseId, "referralId", id, "pathway", "victim-support", "outcome", "support completed"));

        JsonNode referral = awaitStatus(id, "closed");
        JsonNode closed = payload(EVENTS.await(ofType(CLOSED).and(keyed(id))));
        assertThat(closed.path("outcome").asString()).isEqualTo("support completed");
        assertThat(referral.path("pathways").valueStream().map(p -> p.path("pathway").asString() + ":"
                + p.path("status").asString() + ":" + p.path("outcome").asString()))
                .containsExactly("victim-support:closed:support completed");
        // Same key, same partition: the redelivery was handled before the closure, whose event is now out.
        assertThat(EVENTS.matching(ofType(ACCEPTED).and(keyed(id)))).hasSize(1);
        JsonNode timeline = JSON.readTree(get("/api/referrals/" + id + "/timeline").body());
        assertThat(timeline.valueStream().map(entry -> entry.path("what").asString()))
                .containsExactly("received", "triaged", "routed", "accepted", "closed");
    }

    @Test
    void aRestorativeJusticeCaseOpenedAcceptsTheReferralAndItsClosureClosesIt() throws Exception {
        Map<String, Object> offender = referral("kent-police", Person.random(), "criminal-damage-arson");
        subjectOf(offender).put("role", "offender");
        JsonNode referral = created(offender);
        String id = referral.path("id").asString();
        assertThat(referral.path("pathways").valueStream().map(p -> p.path("pathway").asString()))
                .containsExactly("restorative-justice");
        String caseId = "rj-" + UUID.randomUUID();

        CaseEvents.send(CaseEvents.RJ_TOPIC, "rj.RjCaseOpened.v1", caseId, Map.of("caseId", caseId, "referralId", id));

        awaitStatus(id, "accepted");
        JsonNode accepted = payload(EVENTS.await(ofType(ACCEPTED).and(keyed(id))));
        assertThat(accepted.path("pathway").asString()).isEqualTo("restorative-justice");

        CaseEvents.send(CaseEvents.RJ_TOPIC, "rj.RjCaseClosed.v1", caseId,
                Map.of("caseId", caseId, "referralId", id, "outcome", "agreement reached"));

        awaitStatus(id, "closed");
        assertThat(payload(EVENTS.await(ofType(CLOSED).and(keyed(id)))).path("outcome").asString())
                .isEqualTo("agreement reached");
    }

    // ---------------------------------------------------------------- helpers

    /** Someone of this test's own: a random name, so no other test refers the same person. */
    record Person(String name, String dateOfBirth, String postcode) {
        /** The same person (or a namesake born the same day) at another address. */
        Person at(String otherPostcode) {
            return new Person(name, dateOfBirth, otherPostcode);
        }

        static Person random() {
            String suffix = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
            return new Person("Robin Ashdown" + suffix, "1988-04-" + String.format("%02d", 1 + (int) (Math.random() * 28)),
                    "CT1 2" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26)));
        }
    }

    private static Map<String, Object> referral(String agency, Person person, String category) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("role", "victim");
        subject.put("name", person.name());
        subject.put("dateOfBirth", person.dateOfBirth());
        subject.put("postcode", person.postcode());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agency", agency);
        fields.put("agencyReference", "IT-" + UUID.randomUUID());
        fields.put("district", "canterbury");
        fields.put("category", category);
        fields.put("subject", subject);
        fields.put("consent", Map.of("given", true, "recordedOn", "2026-11-01", "recordedBy", "PC 123"));
        return fields;
    }

    private static Map<String, Object> domesticAbuse(String agency, Person person, int yesAnswers, LocalDate incidentDate) {
        Map<String, Object> fields = referral(agency, person, "domestic-abuse");
        fields.put("incidentDate", incidentDate.toString());
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            answers.add(i < yesAnswers);
        }
        Map<String, Object> dash = new LinkedHashMap<>();
        dash.put("checklist", "police");
        dash.put("answers", answers);
        fields.put("dash", dash);
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dashOf(Map<String, Object> referral) {
        return (Map<String, Object>) referral.get("dash");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> subjectOf(Map<String, Object> referral) {
        return (Map<String, Object>) referral.get("subject");
    }

    private static Map<String, Object> withCrimeReference(Map<String, Object> referral) {
        referral.put("crimeReference", randomCrimeReference());
        return referral;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withNhsNumber(Map<String, Object> referral, String nhsNumber) {
        ((Map<String, Object>) referral.get("subject")).put("nhsNumber", nhsNumber);
        return referral;
    }

    /** A valid NHS number (modulus 11 check digit) of this run's own. */
    private static String randomNhsNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int digit = (int) (Math.random() * 10);
                digits.append(digit);
                sum += digit * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            return digits.append(check == 11 ? 0 : check).toString();
        }
    }

    private static String letters() {
        return "" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26));
    }

    private static String randomCrimeReference() {
        return "46/" + UUID.randomUUID().toString().substring(0, 8) + "/26";
    }

    private static LocalDate today() {
        return LocalDate.now(KENT);
    }

    /**
     * Posts as the agency the referral names and answers the referral as the safeguarding scope reads it (its
     * link and MARAC reasons from the person's history included); the agency's own answer has neither.
     */
    private JsonNode created(Map<String, Object> referral) throws Exception {
        HttpResponse<String> response = post("/api/referrals", referral);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode own = JSON.readTree(response.body());
        assertThat(own.has("linkedTo") || own.has("linkReason")).as(response.body()).isFalse();
        assertThat(strings(own.path("triage").path("maracReasons"))).as(response.body()).isSubsetOf("high_risk");
        return safeguardingView(own.path("id").asString());
    }

    private JsonNode safeguardingView(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/referrals/" + id + "/safeguarding"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", Tokens.safeguarding()).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode awaitStatus(String id, String status) {
        List<JsonNode> found = new ArrayList<>();
        await("referral " + id + " " + status).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode referral = JSON.readTree(get("/api/referrals/" + id).body());
            found.clear();
            found.add(referral);
            return status.equals(referral.path("status").asString());
        });
        return found.get(0);
    }

    /** The write commands (insert, update, delete, findAndModify) this service sent to {@code collection} so far. */
    private long writes(String collection) {
        return meters.find("mongodb.driver.commands").tag("collection", collection).timers().stream()
                .filter(timer -> List.of("insert", "update", "delete", "findAndModify").contains(timer.getId().getTag("command")))
                .mapToLong(Timer::count).sum();
    }

    private long storedWithReference(String reference) {
        return mongo.getMongoDatabaseFactory().getMongoDatabase("referrals").getCollection("referrals")
                .countDocuments(new Document("agencyReference", reference));
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> errorFields(JsonNode problem) {
        return problem.path("errors").valueStream().map(error -> error.path("field").asString()).toList();
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

    private static Predicate<ConsumerRecord<String, byte[]>> payloadField(String field, String value) {
        return event -> value.equals(payload(event).path(field).asString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port).resolve(path);
    }

    private HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        String json = JSON.writeValueAsString(body);
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", Tokens.agencyNamedIn(json, "kent-police"))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postAs(String authorization, String path, Object body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postQuietly(Map<String, Object> referral) {
        try {
            return post("/api/referrals", referral);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> getWith(String authorization, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return getAs("kent-police", path);
    }

    private HttpResponse<String> getAs(String agency, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", Tokens.agency(agency)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
