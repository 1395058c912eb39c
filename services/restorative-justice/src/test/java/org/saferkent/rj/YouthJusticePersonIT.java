package org.saferkent.rj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.rj.Bus.DISPOSAL_EVENTS;
import static org.saferkent.rj.Bus.keyed;
import static org.saferkent.rj.Bus.ofType;
import static org.saferkent.rj.Bus.payload;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.saferkent.rj.vocabulary.PncIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Issue 17, youth justice: Kent Police and the Youth Offending Service post disposals with the person's
 * details; restorative justice keys them into the pseudonym referrals gives the person (the partnership
 * secret, server-side) and keeps, logs and publishes nothing identifying. Spelling variants are one person,
 * the same disposal posted by both agencies counts once, and reoffending reports both MoJ measures, labelled.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=restorative-justice")
@WithRealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class YouthJusticePersonIT {

    private static final String RECORDED = "rj.DisposalRecorded.v1";
    private static final String POLICE = "kent-police";
    private static final String YOS = "kcc-youth-offending-service";

    @Value("${local.server.port}")
    private int port;

    @Value("${saferkent.rj.pseudonym-secret}")
    private String secret;

    @Autowired
    private MongoTemplate mongo;

    @Test
    void aDisposalPostedWithThePersonsDetailsIsKeyedAsReferralsKeyThemAndNothingIdentifyingIsKept(CapturedOutput output) {
        String surname = "Quill" + letters();
        Map<String, Object> person = person("Seán O'Brien-" + surname, "2010-05-17", "ME10 4AB", "2024/0012345H");

        JsonNode recorded = post(POLICE, 201, disposal(person, "youth-caution", "2026-08-01", "2026-08-12", "thanet"));

        // the pseudonym referrals gives the same person: the same secret (the development one here, as in referrals'
        // tests) and the same keying, platform/pseudonyms
        assertThat(secret).isEqualTo(Pseudonymiser.DEVELOPMENT_SECRET);
        String pseudonym = Pseudonymiser.configured("secret", secret, List.of())
                .pseudonym("Seán O'Brien-" + surname, LocalDate.parse("2010-05-17"), "ME10 4AB");
        assertThat(recorded.path("personPseudonym").asString()).isEqualTo(pseudonym);
        assertThat(recorded.path("ageAtDisposal").asInt()).isEqualTo(16);
        assertThat(recorded.path("ageBasis").asString()).isEqualTo("date-of-birth");
        assertThat(recorded.path("firstTimeEntrant").asBoolean()).isTrue();
        List<String> identifying = List.of(surname, surname.toLowerCase(), "2010-05-17", "ME10", "ME104AB", "0012345H", "Seán");
        assertThat(recorded.toString()).doesNotContain(identifying).doesNotContain("dateOfBirth");
        Bus.await(DISPOSAL_EVENTS, ofType(RECORDED).and(keyed(pseudonym)));
        assertThat(Bus.matching(DISPOSAL_EVENTS, keyed(pseudonym))).isNotEmpty().allSatisfy(record ->
                assertThat(TopicRecords.value(record) + headers(record)).doesNotContain(identifying));
        assertThat(stored(pseudonym).toJson()).doesNotContain(identifying).doesNotContain("dateOfBirth");
        assertThat(output.getAll()).doesNotContain(identifying);
    }

    @Test
    void spellingVariantsAreOnePersonAndTheSameDisposalPostedByBothAgenciesCountsOnce() {
        String surname = "Rook" + letters();
        JsonNode police = post(POLICE, 201, disposal(person("Seán O'Brien-" + surname, "2007-01-01", "TN1 1AA", null),
                "youth-caution", "2020-08-01", "2020-08-03", "tunbridge-wells"));
        // the YOS posts the same caution, the name and postcode written its way
        JsonNode yos = post(YOS, 200, disposal(person("sean o\u2019brien " + surname.toLowerCase(), "2007-01-01", "tn11aa",
                "2020/0000042Z"), "youth-caution", "2020-08-01", "2020-08-03", "tunbridge-wells"));
        // and later a court sentence for a new offence, with a title and no apostrophe
        JsonNode sentence = post(YOS, 201, disposal(person("MR SEAN OBRIEN-" + surname.toUpperCase(), "2007-01-01", "TN1 1AA",
                null), "court-sentence", "2021-01-10", "2021-03-01", "tunbridge-wells"));

        String pseudonym = police.path("personPseudonym").asString();
        assertThat(yos.path("personPseudonym").asString()).isEqualTo(pseudonym);
        assertThat(yos.path("disposalId").asString()).isEqualTo(police.path("disposalId").asString());
        assertThat(yos.path("agency").asString()).isEqualTo(POLICE); // the disposal as first recorded
        assertThat(sentence.path("personPseudonym").asString()).isEqualTo(pseudonym);
        assertThat(sentence.path("firstTimeEntrant").asBoolean()).isFalse();
        assertThat(stored(pseudonym).getList("disposals", Document.class)).hasSize(2);

        // 2020-Q3 in Tunbridge Wells is this test's own
        String reoffendsTwice = "Wren" + letters();
        post(POLICE, 201, disposal(person(reoffendsTwice + " Ash", "2006-02-02", "TN2 3BB", null),
                "youth-caution", "2020-07-10", "2020-07-15", "tunbridge-wells"));
        post(POLICE, 201, disposal(person(reoffendsTwice + " Ash", "2006-02-02", "TN2 3BB", null),
                "court-sentence", "2020-10-01", "2020-11-01", "tunbridge-wells"));
        post(YOS, 200, disposal(person(reoffendsTwice.toLowerCase() + " ash", "2006-02-02", "tn2 3bb", null),
                "court-sentence", "2020-10-01", "2020-11-01", "tunbridge-wells"));
        post(YOS, 201, disposal(person(reoffendsTwice + " Ash", "2006-02-02", "TN2 3BB", null),
                "youth-conditional-caution", "2021-02-01", "2021-04-01", "tunbridge-wells"));
        post(POLICE, 201, disposal(person("Finch" + letters() + " Elm", "2005-03-03", null, null),
                "youth-caution", "2020-09-01", "2020-09-01", "tunbridge-wells"));

        JsonNode entrants = api().getJson("/api/youth-justice/first-time-entrants?district=tunbridge-wells&quarter=2020-Q3");
        assertThat(entrants.path("firstTimeEntrants").asLong()).isEqualTo(3);

        JsonNode report = api().getJson("/api/youth-justice/reoffending?quarter=2020-Q3&district=tunbridge-wells");
        JsonNode all = report.path("all");
        assertThat(all.path("cohort").asInt()).isEqualTo(3);
        assertThat(all.path("reoffenders").asInt()).isEqualTo(2);
        assertThat(all.path("reoffences").asInt()).isEqualTo(3);
        assertThat(all.path("binaryRatePercent").asDouble()).isEqualTo(66.7);
        assertThat(all.path("frequencyPerOffender").asDouble()).isEqualTo(1.0);
        assertThat(all.path("frequencyPerReoffender").asDouble()).isEqualTo(1.5);
        assertThat(report.path("labels").path("binaryRatePercent").asString()).contains("Binary").contains("MoJ");
        assertThat(report.path("labels").path("frequencyPerOffender").asString()).contains("Frequency").contains("MoJ")
                .contains("per offender in the cohort");
        assertThat(report.path("labels").path("frequencyPerReoffender").asString()).contains("per reoffender")
                .contains("not the MoJ frequency rate");
    }

    @Test
    void aYoungPersonWhoMovesIsOnePersonForFirstTimeEntrantsAndReoffending() {
        // 2017-Q2 in Dover is this test's own
        String name = "Plover" + letters() + " Hale";
        JsonNode caution = post(POLICE, 201, disposal(person(name, "2002-03-03", "CT17 9AA", null),
                "youth-caution", "2017-04-02", "2017-04-10", "dover"));
        // the YOS has them at their new address: the same caution counts once, and the later sentence is a re-offence
        JsonNode again = post(YOS, 200, disposal(person(name, "2002-03-03", "ME14 1XX", null),
                "youth-caution", "2017-04-02", "2017-04-10", "dover"));
        JsonNode sentence = post(YOS, 201, disposal(person(name.toUpperCase(), "2002-03-03", "ME14 1XX", null),
                "court-sentence", "2017-06-01", "2017-09-01", "dover"));

        String pseudonym = caution.path("personPseudonym").asString();
        assertThat(again.path("disposalId").asString()).isEqualTo(caution.path("disposalId").asString());
        assertThat(sentence.path("personPseudonym").asString()).isEqualTo(pseudonym);
        assertThat(sentence.path("firstTimeEntrant").asBoolean()).isFalse();
        // found by the pseudonym of either address (referrals may know them by the new one)
        String moved = Pseudonymiser.configured("secret", secret, List.of()).pseudonym(name, LocalDate.parse("2002-03-03"), "ME14 1XX");
        assertThat(api().getJson("/api/disposals?personPseudonym=" + moved).findValuesAsString("disposalId"))
                .containsExactly(caution.path("disposalId").asString(), sentence.path("disposalId").asString());
        assertThat(stored(moved)).isNull();

        assertThat(api().getJson("/api/youth-justice/first-time-entrants?district=dover&quarter=2017-Q2")
                .path("firstTimeEntrants").asLong()).isEqualTo(1);
        JsonNode all = api().getJson("/api/youth-justice/reoffending?quarter=2017-Q2&district=dover").path("all");
        assertThat(all.path("cohort").asInt()).isEqualTo(1);
        assertThat(all.path("reoffenders").asInt()).isEqualTo(1);
    }

    @Test
    void aPncIdLinksSpellingsOfOnePersonAndTellsTwoPeopleOfOneNameApart() {
        // 2017-Q3 in Sevenoaks is this test's own
        String surname = "Lark" + letters();
        JsonNode caution = post(POLICE, 201, disposal(person("Jon " + surname, "2003-05-05", "TN13 1AA", "2016/0004242D"),
                "youth-caution", "2017-07-02", "2017-07-10", "sevenoaks"));
        // the YOS spells the first name another way, from another address: the PNC ID says who it is
        JsonNode sentence = post(YOS, 201, disposal(person("Jonathan " + surname, "2003-05-05", "TN14 5BB", "2016/4242d"),
                "court-sentence", "2017-08-01", "2017-10-01", "sevenoaks"));
        // someone else of the same name and date of birth: another PNC ID, so another person (the PNC ID wins)
        JsonNode namesake = post(POLICE, 201, disposal(person("Jon " + surname, "2003-05-05", "TN15 6CC", "2015/0000777X"),
                "youth-caution", "2017-07-20", "2017-07-25", "sevenoaks"));

        // the police write the year with two digits, from a third address and spelling: the same ID, so the same person
        JsonNode twoDigitYear = post(POLICE, 201, disposal(person("Johnny " + surname, "2003-05-05", "TN16 1DD", "16/4242D"),
                "court-sentence", "2017-11-01", "2017-12-01", "sevenoaks"));

        String pseudonym = caution.path("personPseudonym").asString();
        assertThat(sentence.path("personPseudonym").asString()).isEqualTo(pseudonym);
        assertThat(sentence.path("firstTimeEntrant").asBoolean()).isFalse();
        assertThat(twoDigitYear.path("personPseudonym").asString()).isEqualTo(pseudonym);
        assertThat(namesake.path("personPseudonym").asString()).isNotEqualTo(pseudonym);
        assertThat(namesake.path("firstTimeEntrant").asBoolean()).isTrue();
        // the PNC ID is kept keyed only
        assertThat(stored(pseudonym).toJson()).doesNotContain("4242").doesNotContain(surname);

        assertThat(api().getJson("/api/youth-justice/first-time-entrants?district=sevenoaks&quarter=2017-Q3")
                .path("firstTimeEntrants").asLong()).isEqualTo(2);
        JsonNode all = api().getJson("/api/youth-justice/reoffending?quarter=2017-Q3&district=sevenoaks").path("all");
        assertThat(all.path("cohort").asInt()).isEqualTo(2);
        assertThat(all.path("reoffenders").asInt()).isEqualTo(1);
    }

    @Test
    void firstDisposalsOfOnePersonPostedAtOnceFromTwoPostcodesMakeOneHistoryAndOneFirstTimeEntrant() throws Exception {
        // 2015-Q1 in Gravesham is this test's own. Each round a person never seen before is posted by both agencies at
        // the same moment, from two addresses: the same caution (rounds 0, 3, ...); the police's caution with a PNC ID
        // and the YOS's later sentence without (1, 4, ...); the same caution with one PNC ID and the first name spelt
        // two ways (2, 5, ...: only the PNC ID tells it is one person). Whichever is recorded first, the other joins it.
        int rounds = 12;
        Pseudonymiser keying = Pseudonymiser.configured("secret", secret, List.of());
        java.util.concurrent.ExecutorService agencies = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String surname = "Heron" + letters();
                String born = "2001-02-0" + (1 + round % 9);
                int serial = 1_000_000 + round;
                String pncId = round % 3 == 0 ? null : "2014/" + serial + PncIds.checkCharacter(2014, serial);
                String policeName = "Jon " + surname;
                String yosName = round % 3 == 2 ? "Jonathan " + surname : policeName;
                Map<String, Object> police = disposal(person(policeName, born, "DA11 0AA", pncId),
                        "youth-caution", "2015-01-05", "2015-02-02", "gravesham");
                Map<String, Object> yos = round % 3 == 1
                        ? disposal(person(yosName, born, "DA12 1BB", null), "court-sentence", "2015-03-01", "2015-03-20", "gravesham")
                        : disposal(person(yosName, born, "DA12 1BB", pncId), "youth-caution", "2015-01-05", "2015-02-02", "gravesham");
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Future<java.net.http.HttpResponse<String>> byPolice = agencies.submit(() -> {
                    together.await();
                    return api().as("agency-" + POLICE).post("/api/disposals", police);
                });
                java.util.concurrent.Future<java.net.http.HttpResponse<String>> byYos = agencies.submit(() -> {
                    together.await();
                    return api().as("agency-" + YOS).post("/api/disposals", yos);
                });
                JsonNode first = RjApi.JSON.readTree(byPolice.get(30, java.util.concurrent.TimeUnit.SECONDS).body());
                JsonNode second = RjApi.JSON.readTree(byYos.get(30, java.util.concurrent.TimeUnit.SECONDS).body());

                assertThat(second.path("personPseudonym").asString()).as("round " + round)
                        .isEqualTo(first.path("personPseudonym").asString());
                List<String> linkKeys = List.of(keying.personKeys(policeName, LocalDate.parse(born)).get(0),
                        keying.personKeys(yosName, LocalDate.parse(born)).get(0));
                List<Document> histories = mongo.getCollection("offending_histories")
                        .find(com.mongodb.client.model.Filters.in("personKeys", linkKeys)).into(new java.util.ArrayList<>());
                assertThat(histories).as("round " + round).hasSize(1);
                assertThat(histories.get(0).getList("disposals", Document.class)).hasSize(round % 3 == 1 ? 2 : 1);
            }
        } finally {
            agencies.shutdownNow();
        }
        assertThat(api().getJson("/api/youth-justice/first-time-entrants?district=gravesham&quarter=2015-Q1")
                .path("firstTimeEntrants").asLong()).isEqualTo(rounds);
    }

    @Test
    void aFirstTimeEntrantIsTenToSeventeenOnTheDisposalDateExactlyFromTheDateOfBirth() {
        // 17 at the offence, 18 on the day of the caution (the birthday in between)
        JsonNode adult = post(POLICE, 201, disposal(person("Teal" + letters() + " Birch", "2008-08-10", "CT1 2AB", null),
                "youth-caution", "2026-08-01", "2026-08-12", "canterbury"));
        // 17 until the day after the caution
        JsonNode youth = post(POLICE, 201, disposal(person("Teal" + letters() + " Cedar", "2008-08-13", "CT1 2AB", null),
                "youth-caution", "2026-08-01", "2026-08-12", "canterbury"));

        assertThat(adult.path("ageAtOffence").asInt()).isEqualTo(17);
        assertThat(adult.path("ageAtDisposal").asInt()).isEqualTo(18);
        assertThat(adult.path("youth").asBoolean()).isFalse();
        assertThat(adult.path("firstTimeEntrant").asBoolean()).isFalse();
        assertThat(youth.path("ageAtDisposal").asInt()).isEqualTo(17);
        assertThat(youth.path("firstTimeEntrant").asBoolean()).isTrue();
    }

    @Test
    void badPersonDetailsAreAProblemNamingEachFieldWithoutRepeatingThem() {
        Map<String, Object> person = new HashMap<>(Map.of("name", " - ' ", "postcode", "NOT A POSTCODE", "pncId", "PNC 9999"));
        Map<String, Object> invalid = disposal(person, "youth-caution", "2026-08-01", "2026-08-12", "thanet");
        invalid.put("personPseudonym", People.pseudonym());
        invalid.put("ageAtOffence", 15);

        JsonNode problem = RjApi.problem(api().as("agency-kent-police").post("/api/disposals", invalid), 422);

        assertThat(RjApi.errorFields(problem)).containsExactlyInAnyOrder("personPseudonym", "ageAtOffence", "person.name",
                "person.dateOfBirth", "person.postcode", "person.pncId");
        assertThat(problem.toString()).doesNotContain("NOT A POSTCODE").doesNotContain("PNC 9999");

        Map<String, Object> tooYoung = disposal(person("Tiny" + letters() + " Oak", "2017-01-01", "ME1 1AA", null),
                "youth-caution", "2026-08-01", "2026-08-12", "thanet");
        assertThat(RjApi.errorFields(RjApi.problem(api().as("agency-kent-police").post("/api/disposals", tooYoung), 422)))
                .containsExactly("person.dateOfBirth");
    }

    private static Map<String, Object> person(String name, String dateOfBirth, String postcode, String pncId) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", name);
        person.put("dateOfBirth", dateOfBirth);
        if (postcode != null) {
            person.put("postcode", postcode);
        }
        if (pncId != null) {
            person.put("pncId", pncId);
        }
        return person;
    }

    private static Map<String, Object> disposal(Map<String, Object> person, String type, String offenceDate,
            String disposalDate, String district) {
        return new HashMap<>(Map.of("person", person, "offenceCategory", "shoplifting", "offenceDate", offenceDate,
                "disposalType", type, "disposalDate", disposalDate, "district", district));
    }

    /** A made-up part of a name, so that no two tests share a person. */
    private static String letters() {
        StringBuilder letters = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private static String headers(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        StringBuilder all = new StringBuilder();
        record.headers().forEach(header -> all.append(header.key()).append('=')
                .append(header.value() == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8)));
        return all.toString();
    }

    private JsonNode post(String agency, int status, Map<String, Object> disposal) {
        return api().as("agency-" + agency).postExpecting(status, "/api/disposals", disposal);
    }

    private Document stored(String pseudonym) {
        return mongo.getCollection("offending_histories").find(new Document("_id", pseudonym)).first();
    }

    private RjApi api() {
        return new RjApi(port);
    }
}
