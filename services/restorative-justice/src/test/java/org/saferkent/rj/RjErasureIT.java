package org.saferkent.rj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * An erasure announced by referrals ({@code referrals.SubjectErased.v1}) reaches restorative justice: the
 * person's pseudonyms (current and former) are gone from every collection here — the RJ cases they took
 * part in, their offending histories and disposals — while the cases, the disposals' anonymous facts and
 * so the youth justice measures already reported stay exactly as they were. A redelivery changes nothing;
 * an unreadable erasure is dead-lettered.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=restorative-justice")
@WithRealInfrastructure
class RjErasureIT {

    private static final String SUBJECT_EVENTS = "referrals.subject.events";
    private static final String ERASED = "referrals.SubjectErased.v1";

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

    @Test
    void anErasureMakesEverythingKeyedToThePersonAnonymousAndTheMeasuresStand() {
        String person = People.pseudonym();
        String former = People.pseudonym();
        String someoneElse = People.pseudonym();
        // a referral of the person as a victim opened a case; they took part in a YOS case as the offender
        String referralId = UUID.randomUUID().toString();
        TopicRecords.send(Bus.referralRouted(referralId, "restorative-justice", "violent-crime", List.of(), "victim", person));
        String asVictim = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> api().get("/api/rj-cases?referralId=" + referralId), r -> r.statusCode() == 200).body();
        String victimCaseId = RjApi.JSON.readTree(asVictim).path("id").asString();
        String asOffender = tookPartInRestorativeJustice(person, someoneElse);
        // their disposals (Dartford, 2022-Q3: this test's own), under the current and a former pseudonym
        recorded(byAge(person, "youth-caution", "2022-08-01", 15));
        recorded(byAge(person, "court-sentence", "2023-01-10", 15));
        recorded(byAge(former, "court-sentence", "2021-02-01", 14));
        recorded(byAge(someoneElse, "youth-caution", "2022-09-01", 16));
        JsonNode entrantsBefore = api().getJson("/api/youth-justice/first-time-entrants?district=dartford&quarter=2022-Q3");
        JsonNode reoffendingBefore = api().getJson("/api/youth-justice/reoffending?quarter=2022-Q3&district=dartford");
        assertThat(reoffendingBefore.path("rjParticipants").path("cohort").asInt()).isEqualTo(1);
        assertThat(everyDocumentNaming(person)).isNotEmpty();
        assertThat(everyDocumentNaming(former)).isNotEmpty();
        String eventId = UUID.randomUUID().toString();
        String erasureId = UUID.randomUUID().toString();

        TopicRecords.send(erasure(eventId, Map.of("erasureId", erasureId, "subjectPseudonym", person,
                "formerPseudonyms", List.of(former), "erasedAt", Instant.now().toString())));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(everyDocumentNaming(person)).as("documents naming the erased pseudonym").isEmpty();
            assertThat(everyDocumentNaming(former)).as("documents naming the erased former pseudonym").isEmpty();
        });
        // the cases stay, the person in them anonymous, in the same role, with the same consent
        for (String caseId : List.of(victimCaseId, asOffender)) {
            JsonNode rjCase = api().getJson("/api/rj-cases/" + caseId);
            assertThat(rjCase.path("participants").valueStream().map(p -> p.path("pseudonym").asString()))
                    .doesNotContain(person).anySatisfy(p -> assertThat(p).startsWith("erased-"));
        }
        JsonNode offenderCase = api().getJson("/api/rj-cases/" + asOffender);
        assertThat(offenderCase.path("participants").valueStream().filter(p -> "offender".equals(p.path("role").asString()))
                .map(p -> p.path("status").asString())).containsExactly("consented");
        assertThat(offenderCase.path("participants").valueStream().map(p -> p.path("pseudonym").asString())).contains(someoneElse);
        assertThat(api().getJson("/api/disposals?personPseudonym=" + person)).isEmpty();
        assertThat(api().getJson("/api/disposals?personPseudonym=" + someoneElse)).hasSize(1);
        // the measures already reported do not change: the anonymous history is still the same cohort member
        assertThat(api().getJson("/api/youth-justice/first-time-entrants?district=dartford&quarter=2022-Q3")).isEqualTo(entrantsBefore);
        assertThat(api().getJson("/api/youth-justice/reoffending?quarter=2022-Q3&district=dartford")).isEqualTo(reoffendingBefore);

        // redelivered: changes nothing
        Map<String, Object> versions = versions(victimCaseId, asOffender);
        TopicRecords.send(erasure(eventId, Map.of("erasureId", erasureId, "subjectPseudonym", person,
                "formerPseudonyms", List.of(former), "erasedAt", Instant.now().toString())));
        Bus.awaitConsumed(SUBJECT_EVENTS);
        assertThat(versions(victimCaseId, asOffender)).isEqualTo(versions);
        assertThat(TopicRecords.matching(SUBJECT_EVENTS + ".restorative-justice.dlq",
                r -> eventId.equals(TopicRecords.header(r, CloudEventHeaders.ID)))).isEmpty();
    }

    @Test
    void anErasureByThePseudonymOfANewAddressReachesTheHistoryKeptUnderTheOldOneAndDropsItsLinks() {
        Pseudonymiser keying = Pseudonymiser.configured("secret", Pseudonymiser.DEVELOPMENT_SECRET, List.of());
        String name = "Erased" + UUID.randomUUID().toString().replaceAll("[^a-z]", "") + " Moved";
        LocalDate born = LocalDate.parse("2004-04-04");
        String first = keying.pseudonym(name, born, "DA1 1AA");
        String moved = keying.pseudonym(name, born, "DA2 2BB");
        String personKey = keying.personKeys(name, born).get(0);
        String pncKey = keying.pncKeys("2018/55555J").get(0);
        withDetails(name, "DA1 1AA", "2018/55555J", "youth-caution", "2019-05-01", 201);
        withDetails(name, "DA2 2BB", null, "court-sentence", "2019-07-01", 201); // kept under the first pseudonym
        assertThat(everyDocumentNaming(personKey)).isNotEmpty();

        // referrals knows the person at the new address only
        TopicRecords.send(erasure(UUID.randomUUID().toString(), Map.of("erasureId", UUID.randomUUID().toString(),
                "subjectPseudonym", moved, "erasedAt", Instant.now().toString())));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(everyDocumentNaming(first)).as("documents naming the history's pseudonym").isEmpty());
        assertThat(everyDocumentNaming(moved)).isEmpty();
        assertThat(everyDocumentNaming(personKey)).isEmpty();
        assertThat(everyDocumentNaming(pncKey)).isEmpty();
        // posted again, they are not linked back to the anonymous history
        assertThat(withDetails(name, "DA2 2BB", "2018/55555J", "youth-caution", "2019-09-01", 201)
                .path("firstTimeEntrant").asBoolean()).isTrue();
    }

    private JsonNode withDetails(String name, String postcode, String pncId, String type, String day, int status) {
        Map<String, Object> person = new HashMap<>(Map.of("name", name, "dateOfBirth", "2004-04-04", "postcode", postcode));
        if (pncId != null) {
            person.put("pncId", pncId);
        }
        return api().as("agency-kent-police").postExpecting(status, "/api/disposals", Map.of("person", person,
                "offenceCategory", "shoplifting", "offenceDate", day, "disposalType", type, "disposalDate", day,
                "district", "tonbridge-and-malling")); // no other test counts first-time entrants there
    }

    @Test
    void anErasureWithoutAPseudonymIsDeadLettered() {
        String eventId = UUID.randomUUID().toString();
        String key = "erasure-" + eventId;

        TopicRecords.send(erasure(eventId, Map.of("erasureId", key, "erasedAt", Instant.now().toString())));

        assertThat(TopicRecords.header(TopicRecords.awaitRecord(SUBJECT_EVENTS + ".restorative-justice.dlq", Bus.keyed(key)),
                CloudEventHeaders.ID)).isEqualTo(eventId);
    }

    /** Every document of every collection of this service's store that names {@code value} anywhere (raw, as stored). */
    private List<String> everyDocumentNaming(String value) {
        List<String> found = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            if (collection.startsWith("system.")) {
                continue;
            }
            for (Document doc : mongo.getCollection(collection).find()) {
                if (doc.toJson().contains(value)) {
                    found.add(collection + " " + doc.get("_id"));
                }
            }
        }
        return found;
    }

    private Map<String, Object> versions(String... caseIds) {
        Map<String, Object> versions = new HashMap<>();
        for (String id : caseIds) {
            versions.put(id, mongo.getCollection("rj_cases").find(new Document("_id", id)).first().get("version"));
        }
        return versions;
    }

    private static ProducerRecord<String, byte[]> erasure(String eventId, Map<String, Object> payload) {
        String key = (String) payload.get("erasureId");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(SUBJECT_EVENTS, key, RjApi.JSON.writeValueAsBytes(payload));
        CloudEventHeaders.write(new EventMetadata(eventId, ERASED, "/saferkent/referrals", key, Instant.now(), "it-" + eventId,
                eventId, 1, null), record.headers());
        return record;
    }

    /** The person takes part, as the offender, in an indirect restorative intervention that is held; answers the case id. */
    private String tookPartInRestorativeJustice(String offender, String affectedParty) {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String caseId = api().postExpecting(201, "/api/rj-cases", RjCaseOpeningIT.yosReferral("YOS/" + UUID.randomUUID(),
                offender)).path("id").asString();
        String cases = "/api/rj-cases/" + caseId;
        api().postExpecting(201, cases + "/participants", Map.of("role", "affected-party", "pseudonym", affectedParty, "age", 52));
        for (String participant : List.of("p1", "p2")) {
            api().postExpecting(200, cases + "/participants/" + participant + "/consent",
                    Map.of("written", true, "informed", true, "recordedOn", today));
        }
        api().postExpecting(200, cases + "/risk-assessment", Map.of("level", "medium", "assessedBy", "RJ facilitator 4"));
        api().postExpecting(200, cases + "/facilitator", Map.of("facilitator", "Kent RJ Hub facilitator 2"));
        api().postExpecting(200, cases + "/conference", Map.of("type", "indirect", "scheduledFor", today));
        api().postExpecting(200, cases + "/conference/held", Map.of("heldOn", today));
        return caseId;
    }

    /** A YOS disposal for an offence committed on the day, in Dartford, with the age at the offence. */
    private static Map<String, Object> byAge(String person, String type, String disposalDate, int age) {
        return Map.of("personPseudonym", person, "ageAtOffence", age, "offenceCategory", "shoplifting", "offenceDate", disposalDate,
                "disposalType", type, "disposalDate", disposalDate, "district", "dartford", "agency", "kcc-youth-offending-service");
    }

    private void recorded(Map<String, Object> disposal) {
        api().as("agency-kcc-youth-offending-service").postExpecting(201, "/api/disposals", disposal);
    }

    private RjApi api() {
        return new RjApi(port);
    }
}
