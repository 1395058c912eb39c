package org.saferkent.rj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.rj.Bus.DISPOSAL_EVENTS;
import static org.saferkent.rj.Bus.keyed;
import static org.saferkent.rj.Bus.ofType;
import static org.saferkent.rj.Bus.payload;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Disposals posted by Kent Police and the YOS: stored by pseudonym with ages only, announced on
 * {@code rj.disposal.events}, counted as first-time entrants and in reoffending cohorts; bad input is
 * refused naming every field and leaves no trace.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=restorative-justice")
@WithRealInfrastructure
class DisposalIT {

    private static final String RECORDED = "rj.DisposalRecorded.v1";
    private static final String FIRST_TIME_ENTRANT = "rj.FirstTimeEntrantRecorded.v1";
    private static final String DATE_OF_BIRTH = "2011-03-02";

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

    @Test
    void aFirstYouthCautionAtFifteenIsRecordedWithoutTheDateOfBirthAndMakesAFirstTimeEntrant() {
        String person = People.pseudonym();
        Map<String, Object> caution = disposal(person, "youth-caution", "2026-08-12", "thanet");

        JsonNode recorded = recorded(201, caution);

        assertThat(recorded.path("ageAtOffence").asInt()).isEqualTo(15);
        assertThat(recorded.path("ageAtDisposal").asInt()).isEqualTo(15);
        assertThat(recorded.path("ageBasis").asString()).isEqualTo("date-of-birth");
        assertThat(recorded.path("firstTimeEntrant").asBoolean()).isTrue();
        assertThat(recorded.toString()).doesNotContain(DATE_OF_BIRTH).doesNotContain("dateOfBirth");

        ConsumerRecord<String, byte[]> disposalRecorded = Bus.await(DISPOSAL_EVENTS, ofType(RECORDED).and(keyed(person)));
        JsonNode event = payload(disposalRecorded);
        assertThat(event.path("disposalId").asString()).isEqualTo(recorded.path("disposalId").asString());
        assertThat(event.path("personPseudonym").asString()).isEqualTo(person);
        assertThat(event.path("disposalType").asString()).isEqualTo("youth-caution");
        assertThat(event.path("ageAtDisposal").asInt()).isEqualTo(15);
        assertThat(event.path("youth").asBoolean()).isTrue();
        assertThat(event.path("firstTimeEntrant").asBoolean()).isTrue();
        JsonNode entrant = payload(Bus.await(DISPOSAL_EVENTS, ofType(FIRST_TIME_ENTRANT).and(keyed(person))));
        assertThat(entrant.path("disposalId").asString()).isEqualTo(recorded.path("disposalId").asString());
        assertThat(entrant.path("district").asString()).isEqualTo("thanet");
        assertThat(entrant.path("quarter").asString()).isEqualTo("2026-Q3");
        assertThat(entrant.path("ageAtDisposal").asInt()).isEqualTo(15);
        assertThat(Bus.matching(DISPOSAL_EVENTS, keyed(person))).allSatisfy(record ->
                assertThat(TopicRecords.value(record)).doesNotContain(DATE_OF_BIRTH).doesNotContain("dateOfBirth"));
        assertThat(stored(person).toJson()).doesNotContain(DATE_OF_BIRTH).doesNotContain("dateOfBirth");

        JsonNode reposted = recorded(200, caution);
        assertThat(reposted.path("disposalId").asString()).isEqualTo(recorded.path("disposalId").asString());
        assertThat(stored(person).getList("disposals", Document.class)).hasSize(1);
        assertThat(api().getJson("/api/disposals?personPseudonym=" + person)).hasSize(1);
    }

    @Test
    void aSecondCautionIsRecordedButIsNoFirstTimeEntry() {
        String person = People.pseudonym();
        recorded(201, disposal(person, "community-resolution", "2026-03-01", "dover"));
        JsonNode caution = recorded(201, disposal(person, "youth-caution", "2026-04-01", "dover"));
        JsonNode second = recorded(201, disposal(person, "youth-caution", "2026-05-01", "dover"));

        assertThat(caution.path("firstTimeEntrant").asBoolean()).isTrue();
        assertThat(second.path("firstTimeEntrant").asBoolean()).isFalse();
        Bus.await(DISPOSAL_EVENTS, ofType(RECORDED).and(keyed(person))
                .and(r -> payload(r).path("disposalId").asString().equals(second.path("disposalId").asString())));
        assertThat(Bus.matching(DISPOSAL_EVENTS, ofType(FIRST_TIME_ENTRANT).and(keyed(person))))
                .extracting(r -> payload(r).path("disposalId").asString())
                .containsExactly(caution.path("disposalId").asString());
    }

    @Test
    void firstTimeEntrantsAreCountedByDistrictAndQuarterWithTheRateAndTheChangeOnTheYearBefore() {
        // 2019-Q2 and 2018-Q2 in Gravesham are this test's own: no other test posts there
        recorded(201, byAge(People.pseudonym(), "youth-caution", "2018-05-03", "gravesham", 14));
        recorded(201, byAge(People.pseudonym(), "court-sentence", "2018-06-20", "gravesham", 16));
        String person = People.pseudonym();
        recorded(201, byAge(person, "youth-conditional-caution", "2019-04-11", "gravesham", 17));
        recorded(201, byAge(person, "youth-caution", "2019-05-11", "gravesham", 17));
        recorded(201, byAge(People.pseudonym(), "community-resolution", "2019-05-12", "gravesham", 12));
        recorded(201, byAge(People.pseudonym(), "youth-caution", "2019-05-13", "gravesham", 18));

        JsonNode report = api().getJson("/api/youth-justice/first-time-entrants?district=gravesham&quarter=2019-Q2");

        assertThat(report.path("firstTimeEntrants").asLong()).isEqualTo(1);
        assertThat(report.path("population10to17").asLong()).isEqualTo(11_000);
        assertThat(report.path("ratePer100k").asDouble()).isEqualTo(9.1);
        assertThat(report.path("yearBefore").path("quarter").asString()).isEqualTo("2018-Q2");
        assertThat(report.path("yearBefore").path("firstTimeEntrants").asLong()).isEqualTo(2);
        assertThat(report.path("yearOnYearChangePercent").asDouble()).isEqualTo(-50.0);
        assertThat(report.path("populationIllustrative").asBoolean()).isTrue();
        JsonNode kent = api().getJson("/api/youth-justice/first-time-entrants?quarter=2019-Q2");
        assertThat(kent.path("firstTimeEntrants").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(kent.path("population10to17").asLong()).isEqualTo(155_100);
    }

    @Test
    void reoffendingIsMeasuredForTheQuartersCohortSplitIntoRjParticipantsAndOthers() {
        String participant = People.pseudonym();
        String other = People.pseudonym();
        String lateReoffender = People.pseudonym();
        // 2024-Q1 in Sevenoaks is this test's own
        recorded(201, byAge(participant, "youth-caution", "2024-02-01", "sevenoaks", 15));
        recorded(201, offence(byAge(participant, "court-sentence", "2024-07-01", "sevenoaks", 15),
                "2024-06-01"));
        recorded(201, byAge(other, "youth-caution", "2024-03-01", "sevenoaks", 16));
        recorded(201, byAge(lateReoffender, "court-sentence", "2024-01-20", "sevenoaks", 17));
        recorded(201, offence(byAge(lateReoffender, "court-sentence", "2025-03-01", "sevenoaks", 18),
                "2025-01-21"));
        tookPartInRestorativeJustice(participant);

        JsonNode report = api().getJson("/api/youth-justice/reoffending?quarter=2024-Q1&district=sevenoaks");

        assertThat(report.path("provisional").asBoolean()).isFalse();
        assertThat(report.path("latestProvenBy").asString()).isEqualTo("2025-09-30");
        assertThat(measure(report.path("all"))).isEqualTo("3 in cohort, 1 reoffended, 1 re-offences, 33.3%, 0.33, 1.0");
        assertThat(measure(report.path("rjParticipants"))).isEqualTo("1 in cohort, 1 reoffended, 1 re-offences, 100.0%, 1.0, 1.0");
        assertThat(measure(report.path("others"))).isEqualTo("2 in cohort, 0 reoffended, 0 re-offences, 0.0%, 0.0, null");
    }

    static Stream<Arguments> invalidDisposals() {
        return Stream.of(
                Arguments.argumentSet("every field wrong", (UnaryOperator<Map<String, Object>>) d -> {
                    d.putAll(Map.of("personPseudonym", "Jane Doe", "dateOfBirth", "2999-01-01", "offenceCategory", "jaywalking",
                            "offenceDate", "2999-02-02", "disposalType", "slap-on-the-wrist", "disposalDate", "2999-03-03",
                            "district", "atlantis", "agency", "nobody"));
                    return d;
                }, List.of("personPseudonym", "dateOfBirth", "offenceCategory", "offenceDate", "disposalType", "disposalDate",
                        "district", "agency")),
                Arguments.argumentSet("disposed of before the offence", (UnaryOperator<Map<String, Object>>) d -> {
                    d.put("offenceDate", "2026-08-13");
                    return d;
                }, List.of("disposalDate")),
                Arguments.argumentSet("both a date of birth and an age", (UnaryOperator<Map<String, Object>>) d -> {
                    d.put("ageAtOffence", 15);
                    return d;
                }, List.of("ageAtOffence")),
                Arguments.argumentSet("neither a date of birth nor an age", (UnaryOperator<Map<String, Object>>) d -> {
                    d.remove("dateOfBirth");
                    return d;
                }, List.of("ageAtOffence")),
                Arguments.argumentSet("under the age of criminal responsibility", (UnaryOperator<Map<String, Object>>) d -> {
                    d.put("dateOfBirth", "2017-01-01");
                    return d;
                }, List.of("dateOfBirth")),
                Arguments.argumentSet("missing everything", (UnaryOperator<Map<String, Object>>) d -> {
                    d.clear();
                    return d;
                }, List.of("personPseudonym", "offenceDate", "disposalDate", "ageAtOffence", "offenceCategory",
                        "disposalType", "district")));
    }

    @ParameterizedTest
    @MethodSource("invalidDisposals")
    void anInvalidDisposalIsAProblemNamingEachFieldAndNothingIsStoredOrPublished(UnaryOperator<Map<String, Object>> breaking,
            List<String> fields) {
        String person = People.pseudonym();
        Map<String, Object> invalid = breaking.apply(disposal(person, "youth-caution", "2026-08-12", "thanet"));

        JsonNode problem = RjApi.problem(api().as("agency-kent-police").post("/api/disposals", invalid), 422);

        assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
        assertThat(RjApi.errorFields(problem)).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(problem.toString()).doesNotContain("Jane Doe").doesNotContain("jaywalking").doesNotContain("atlantis");
        assertThat(mongo.getCollection("offending_histories").countDocuments(new Document("_id", person))).isZero();
        String marker = People.pseudonym();
        recorded(201, disposal(marker, "youth-caution", "2026-08-12", "thanet"));
        Bus.await(DISPOSAL_EVENTS, ofType(RECORDED).and(keyed(marker)));
        assertThat(Bus.matching(DISPOSAL_EVENTS, keyed(person))).isEmpty();
    }

    @Test
    void theMeasuresNameAWrongQuarterOrDistrict() {
        assertThat(RjApi.errorFields(RjApi.problem(api().get("/api/youth-justice/first-time-entrants?district=atlantis&quarter=2026-Q5"),
                422))).containsExactlyInAnyOrder("district", "quarter");
        assertThat(RjApi.errorFields(RjApi.problem(api().get("/api/youth-justice/reoffending"), 422))).containsExactly("quarter");
    }

    /** The person takes part, as the offender, in an indirect restorative intervention that is held. */
    private void tookPartInRestorativeJustice(String offender) {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String caseId = api().postExpecting(201, "/api/rj-cases", RjCaseOpeningIT.yosReferral("YOS/" + UUID.randomUUID(),
                offender)).path("id").asString();
        String cases = "/api/rj-cases/" + caseId;
        api().postExpecting(201, cases + "/participants", Map.of("role", "affected-party", "pseudonym", People.pseudonym(),
                "age", 52));
        for (String participant : List.of("p1", "p2")) {
            api().postExpecting(200, cases + "/participants/" + participant + "/consent",
                    Map.of("written", true, "informed", true, "recordedOn", today));
        }
        api().postExpecting(200, cases + "/risk-assessment", Map.of("level", "medium", "assessedBy", "RJ facilitator 4"));
        api().postExpecting(200, cases + "/facilitator", Map.of("facilitator", "Kent RJ Hub facilitator 2"));
        api().postExpecting(200, cases + "/conference", Map.of("type", "indirect", "scheduledFor", today));
        api().postExpecting(200, cases + "/conference/held", Map.of("heldOn", today));
    }

    private static String measure(JsonNode m) {
        return m.path("cohort").asInt() + " in cohort, " + m.path("reoffenders").asInt() + " reoffended, "
                + m.path("reoffences").asInt() + " re-offences, "
                + (m.path("binaryRatePercent").isNull() ? "null" : m.path("binaryRatePercent").asDouble() + "%") + ", "
                + (m.path("frequencyPerOffender").isNull() ? "null" : m.path("frequencyPerOffender").asDouble()) + ", "
                + (m.path("frequencyPerReoffender").isNull() ? "null" : m.path("frequencyPerReoffender").asDouble());
    }

    /** A disposal for an offence committed a week before it, with the date of birth. */
    private static Map<String, Object> disposal(String person, String type, String disposalDate, String district) {
        return new HashMap<>(Map.of("personPseudonym", person, "dateOfBirth", DATE_OF_BIRTH, "offenceCategory", "shoplifting",
                "offenceDate", LocalDate.parse(disposalDate).minusWeeks(1).toString(), "disposalType", type,
                "disposalDate", disposalDate, "district", district, "agency", "kent-police"));
    }

    /** A disposal for an offence committed on the day, with the age at the offence instead of a date of birth. */
    private static Map<String, Object> byAge(String person, String type, String disposalDate, String district, int age) {
        Map<String, Object> disposal = disposal(person, type, disposalDate, district);
        disposal.remove("dateOfBirth");
        disposal.put("ageAtOffence", age);
        disposal.put("offenceDate", disposalDate);
        disposal.put("agency", "kcc-youth-offending-service");
        return disposal;
    }

    private static Map<String, Object> offence(Map<String, Object> disposal, String offenceDate) {
        disposal.put("offenceDate", offenceDate);
        return disposal;
    }

    private Document stored(String person) {
        return mongo.getCollection("offending_histories").find(new Document("_id", person)).first();
    }

    /** Posts a disposal as the agency its body names (Kent Police when it names none), as the agencies do. */
    private JsonNode recorded(int status, Map<String, Object> disposal) {
        return api().as("agency-" + disposal.getOrDefault("agency", "kent-police")).postExpecting(status, "/api/disposals", disposal);
    }

    private RjApi api() {
        return new RjApi(port);
    }
}
