package org.saferkent.victims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saferkent.platform.dataprotection.MasterKeys;
import org.saferkent.platform.dataprotection.PersonalDataErasedException;
import org.saferkent.platform.dataprotection.PersonalDataVault;
import org.saferkent.platform.dataprotection.RetentionWatermarks;
import org.saferkent.platform.dataprotection.SubjectKeys;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.StoreScans;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.victims.dataprotection.VictimRetentionPurge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/**
 * Victims' copy of personal details: sealed at rest with the subject's key; shredded when referrals
 * announces an erasure (every case of the person, at once, the cases themselves untouched and nothing
 * re-published, so commissioning counts the same); never kept when fetched before an erasure that arrived
 * first; shredded by the retention policy once every case of the person closed longer ago than the period.
 * No personal data reaches a topic or a log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class VictimDataProtectionIT extends VictimsIntegrationTest {

    private static final String SUBJECT_TOPIC = "referrals.subject.events";
    private static final String ERASED = "referrals.SubjectErased.v1";

    @Autowired
    private SubjectKeys keys;

    @Autowired
    private RetentionWatermarks watermarks;

    @AfterEach
    void referralsIsBack() {
        REFERRALS.comeBack();
    }

    @Test
    void anErasureShredsEveryCaseOfThePersonAndLeavesTheCasesAndTheirEventsAsTheyWere(CapturedOutput output) throws Exception {
        String pseudonym = pseudonym();
        Victim victim = Victim.random();
        String first = openCaseWithDetails(pseudonym, victim);
        String second = openCaseWithDetails(pseudonym, victim);
        Victim someoneElse = Victim.random();
        String other = openCaseWithDetails(pseudonym(), someoneElse);
        assertThat(JSON.readTree(get("/api/victim-cases/" + first + "/details").body()).path("name").asString()).isEqualTo(victim.name());
        Document raw = mongo.getCollection("victim_details").find(new Document("_id", first)).first();
        assertThat(raw.toJson()).doesNotContain(victim.name(), victim.postcode(), victim.phone(), "Harbour");
        Map<String, Long> versions = versions(List.of(first, second));
        Map<String, Integer> events = Map.of(first, caseEvents(first).size(), second, caseEvents(second).size());
        String eventId = UUID.randomUUID().toString();

        publishErasure(eventId, Map.of("erasureId", UUID.randomUUID().toString(), "subjectPseudonym", pseudonym,
                "formerPseudonyms", List.of(), "erasedAt", clock.instant().toString()));

        for (String caseId : List.of(first, second)) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/victim-cases/" + caseId + "/details").statusCode() == 410);
            HttpResponse<String> gone = get("/api/victim-cases/" + caseId + "/details");
            assertThat(gone.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
            assertThat(JSON.readTree(gone.body()).path("erased").asBoolean()).isTrue();
        }
        assertThat(get("/api/victim-cases/" + other + "/details").statusCode()).as("someone else's details").isEqualTo(200);
        PersonalDataVault coldVault = new PersonalDataVault(new SubjectKeys(mongo, MasterKeys.development(), Clock.systemUTC(), 0, Duration.ZERO));
        for (String caseId : List.of(first, second)) {
            Document sealed = mongo.getCollection("victim_details").find(new Document("_id", caseId)).first().get("sealed", Document.class);
            assertThatThrownBy(() -> coldVault.open(caseId, sealed)).isInstanceOf(PersonalDataErasedException.class);
        }

        // redelivered: changes nothing, and the cases, what commissioning counts, are as they were
        publishErasure(eventId, Map.of("erasureId", UUID.randomUUID().toString(), "subjectPseudonym", pseudonym,
                "erasedAt", clock.instant().toString()));
        String marker = openCaseWithDetails(pseudonym(), Victim.random()); // the subscription has read past the redelivery
        assertThat(marker).isNotBlank();
        assertThat(versions(List.of(first, second))).isEqualTo(versions);
        for (String caseId : List.of(first, second)) {
            assertThat(readCase(caseId).path("status").asString()).isEqualTo("OPEN");
            assertThat(caseEvents(caseId)).hasSize(events.get(caseId));
        }
        assertThat(TopicRecords.matching(SUBJECT_TOPIC + ".victims.dlq", r -> eventId.equals(TopicRecords.header(r, "ce_id")))).isEmpty();

        List<String> identifying = List.of(victim.name(), victim.postcode(), victim.phone(), victim.email(), victim.address(),
                someoneElse.name(), someoneElse.email());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers()))) {
            for (String topic : admin.listTopics().names().get()) {
                for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(topic)) {
                    assertThat(record.key() + " " + TopicRecords.value(record)).as("a record on %s", topic).doesNotContain(identifying);
                }
            }
        }
        assertThat(output.getAll()).as("the log").doesNotContain(identifying);
    }

    @Test
    void detailsFetchedBeforeAnErasureThatArrivedFirstAreNotKept() throws Exception {
        String pseudonym = pseudonym();
        Victim victim = Victim.random();
        String referralId = newReferralId();
        String caseId = "vc-" + referralId;
        REFERRALS.holdSubject(referralId, victim.json());
        REFERRALS.goDown();
        route(referralId, "victim-support", Map.of("subjectPseudonym", pseudonym));
        awaitCase(caseId, c -> c.path("detailsPending").asBoolean());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> REFERRALS.unavailableAnswers(referralId) > 0);

        publishErasure(UUID.randomUUID().toString(), Map.of("erasureId", UUID.randomUUID().toString(), "subjectPseudonym", pseudonym,
                "erasedAt", clock.instant().toString()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> keys.erasedAt(pseudonym).isPresent());
        REFERRALS.comeBack(); // answers with what it held before the erasure

        awaitCase(caseId, c -> !c.path("detailsPending").asBoolean());
        HttpResponse<String> details = get("/api/victim-cases/" + caseId + "/details");
        assertThat(details.statusCode()).isEqualTo(404);
        assertThat(details.body()).doesNotContain(victim.name());
        assertThat(mongo.getCollection("victim_details").countDocuments(new Document("_id", caseId))).isZero();
    }

    /**
     * Details stored before encryption (plain fields, no sealed envelope, no key to destroy): the erasure
     * overwrites them, the endpoint answers 410 as for sealed details, and nothing readable stays.
     */
    @Test
    void detailsStoredBeforeEncryptionAreOverwrittenByAnErasureAndAnswer410() throws Exception {
        String pseudonym = pseudonym();
        Victim victim = Victim.random();
        String caseId = openCaseWithDetails(pseudonym, victim);
        storeInThePlainShapeOfBeforeEncryption(caseId, victim);
        assertThat(get("/api/victim-cases/" + caseId + "/details").statusCode()).as("served before the erasure").isEqualTo(200);

        publishErasure(UUID.randomUUID().toString(), Map.of("erasureId", UUID.randomUUID().toString(), "subjectPseudonym", pseudonym,
                "erasedAt", clock.instant().toString()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/victim-cases/" + caseId + "/details").statusCode() == 410);
        assertThat(JSON.readTree(get("/api/victim-cases/" + caseId + "/details").body()).path("erased").asBoolean()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Document raw = mongo.getCollection("victim_details").find(new Document("_id", caseId)).first();
            assertThat(raw).as("the document stays, so the answer is 410, not 404").isNotNull();
            assertThat(raw.toJson()).as("the raw document after the erasure").doesNotContain(victim.name(), victim.dateOfBirth(),
                    victim.postcode(), victim.phone(), victim.email(), victim.address(), "Assaulted");
        });
    }

    /** An erasure heard before erasures overwrote plain documents left one behind: it is not served either. */
    @Test
    void plainDetailsOfASubjectErasedEarlierAreNotServed() throws Exception {
        String pseudonym = pseudonym();
        Victim victim = Victim.random();
        String caseId = openCaseWithDetails(pseudonym, victim);
        publishErasure(UUID.randomUUID().toString(), Map.of("erasureId", UUID.randomUUID().toString(), "subjectPseudonym", pseudonym,
                "erasedAt", clock.instant().toString()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/victim-cases/" + caseId + "/details").statusCode() == 410);
        storeInThePlainShapeOfBeforeEncryption(caseId, victim); // what an earlier erasure did not touch

        HttpResponse<String> details = get("/api/victim-cases/" + caseId + "/details");

        assertThat(details.statusCode()).as(details.body()).isEqualTo(410);
        assertThat(details.body()).doesNotContain(victim.name());
    }

    /** The details document as an old version wrote it: every field in plain text at the top level, no subject. */
    private void storeInThePlainShapeOfBeforeEncryption(String caseId, Victim victim) {
        mongo.getCollection("victim_details").replaceOne(new Document("_id", caseId), new Document("_id", caseId)
                .append("name", victim.name()).append("dateOfBirth", victim.dateOfBirth()).append("postcode", victim.postcode())
                .append("phone", victim.phone()).append("email", victim.email()).append("address", victim.address())
                .append("narrative", "Assaulted outside her home."));
    }

    @Test
    void anErasureEventWithoutAPseudonymIsDeadLettered() {
        String eventId = UUID.randomUUID().toString();
        String key = "erasure-" + eventId;

        ProducerRecord<String, byte[]> record = new ProducerRecord<>(SUBJECT_TOPIC, key,
                JSON.writeValueAsBytes(Map.of("erasureId", key, "erasedAt", clock.instant().toString())));
        CloudEventHeaders.write(new EventMetadata(eventId, ERASED, "/saferkent/referrals", key, clock.instant(),
                "it-" + eventId, eventId, 1, null), record.headers());
        TopicRecords.send(record);

        ConsumerRecord<String, byte[]> dead = TopicRecords.awaitRecord(SUBJECT_TOPIC + ".victims.dlq", keyed(key));
        assertThat(TopicRecords.header(dead, "ce_id")).isEqualTo(eventId);
    }

    @Test
    void theRetentionPolicyShredsOnlySubjectsWhoseEveryCaseClosedLongerAgoThanThePeriod() throws Exception {
        String closed = pseudonym();
        String partlyOpen = pseudonym();
        String closedCase = openCaseWithDetails(closed, Victim.random());
        String partlyClosedCase = openCaseWithDetails(partlyOpen, Victim.random());
        String openCase = openCaseWithDetails(partlyOpen, Victim.random());
        close(closedCase);
        close(partlyClosedCase);
        firstRunSinceDeployment();
        VictimRetentionPurge now = new VictimRetentionPurge(mongo, "victim_cases", keys, watermarks, Period.ofYears(6), clock);
        VictimRetentionPurge sixYearsOn = sixYearsAnd(Duration.ofDays(2));

        now.purge();
        assertThat(get("/api/victim-cases/" + closedCase + "/details").statusCode()).as("closed just now").isEqualTo(200);

        assertThat(sixYearsOn.purge()).isPositive();

        assertThat(get("/api/victim-cases/" + closedCase + "/details").statusCode()).as("closed six years ago").isEqualTo(410);
        assertThat(get("/api/victim-cases/" + partlyClosedCase + "/details").statusCode()).as("the person has a case still open").isEqualTo(200);
        assertThat(get("/api/victim-cases/" + openCase + "/details").statusCode()).isEqualTo(200);
        assertThat(readCase(closedCase).path("status").asString()).as("the case itself stays").isEqualTo("CLOSED");
    }

    /**
     * Issue 15: a run reads the cases closed since the last run's cutoff, not every case closed long ago. A
     * case closed before the watermark is not read again (the key made afterwards for its person, which a run
     * re-reading it would shred, stays live); a person kept for a case still open is shredded by the run whose
     * window that case's closing enters. Every query of the runs is served by an index.
     */
    @Test
    void eachRunReadsOnlyWhatClosedSinceTheLastAndAPersonKeptForAnOpenCaseIsShreddedOnceItClosedLongEnough() throws Exception {
        String early = pseudonym();
        String kept = pseudonym();
        String earlyCase = openCaseWithDetails(early, Victim.random());
        String keptClosedCase = openCaseWithDetails(kept, Victim.random());
        String keptOpenCase = openCaseWithDetails(kept, Victim.random());
        close(earlyCase);
        close(keptClosedCase);
        firstRunSinceDeployment();
        // its cutoff two hours after the service's clock: the cases closed just now are six years old to it
        VictimRetentionPurge sixYearsOn = sixYearsAnd(Duration.ofHours(2));

        assertThat(purgeOnIndexes(sixYearsOn)).isPositive();
        assertThat(get("/api/victim-cases/" + earlyCase + "/details").statusCode()).as("closed six years ago").isEqualTo(410);
        assertThat(get("/api/victim-cases/" + keptClosedCase + "/details").statusCode()).as("the person has a case still open")
                .isEqualTo(200);

        keys.activeKey(early); // a key made after the run, for a person whose cases all closed before its cutoff
        // past the run's cutoff (hours, not days: the clock is the whole context's, later classes read time limits from it)
        clock.advanceTo(clock.instant().plus(Duration.ofHours(4)));
        close(keptOpenCase);

        assertThat(purgeOnIndexes(sixYearsOn)).isPositive();
        assertThat(get("/api/victim-cases/" + keptClosedCase + "/details").statusCode()).as("the last case closed six years ago")
                .isEqualTo(410);
        assertThat(get("/api/victim-cases/" + keptOpenCase + "/details").statusCode()).isEqualTo(410);
        assertThat(keys.hasLiveKey(early)).as("a case closed before the watermark is not read again").isTrue();
    }

    // ---------------------------------------------------------------- helpers

    /** The purge as at its first run after deployment: no watermark (other tests' runs may have left one). */
    private void firstRunSinceDeployment() {
        mongo.getCollection(RetentionWatermarks.COLLECTION).deleteOne(new Document("_id", VictimRetentionPurge.WATERMARK));
    }

    /** The purge six years and a few days ahead of the service's clock (it follows the clock when that moves on). */
    /**
     * The purge as seen {@code ahead} after six years on from the service's clock: its cutoff is that long after
     * the clock (it follows the clock when that moves on).
     */
    private VictimRetentionPurge sixYearsAnd(Duration ahead) {
        Instant now = clock.instant();
        Duration sixYears = Duration.between(now, now.atZone(java.time.ZoneId.of("Europe/London")).plus(Period.ofYears(6)).toInstant());
        return new VictimRetentionPurge(mongo, "victim_cases", keys, watermarks, Period.ofYears(6), Clock.offset(clock, sixYears.plus(ahead)));
    }


    /** One run of {@code purge}; every query it makes is served by an index (none reads a collection whole). */
    private static int purgeOnIndexes(VictimRetentionPurge purge) {
        StoreScans.Mark mark = StoreScans.mark("victims");
        int purged = purge.purge();
        assertThat(StoreScans.since(mark).keySet().stream().filter(shape -> !shape.contains("pendingEvents") && !shape.contains("relayLease")))
                .as("collection scans of victims' collections, by query shape").isEmpty();
        return purged;
    }

    record Victim(String name, String dateOfBirth, String postcode, String phone, String email, String address) {

        static Victim random() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String tag = UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "abcdef";
            return new Victim("Morwenna Q" + tag.substring(0, 6), "19%02d-%02d-%02d".formatted(random.nextInt(40, 99),
                    random.nextInt(1, 13), random.nextInt(1, 29)), "CT9 " + random.nextInt(1, 9) + (char) ('A' + random.nextInt(26))
                    + (char) ('A' + random.nextInt(26)), "07700 9" + random.nextInt(10000, 99999), "morwenna." + tag.substring(0, 8)
                    + "@example.org", random.nextInt(10, 99) + " Harbour " + tag.substring(0, 5) + ", Margate");
        }

        String json() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("dateOfBirth", dateOfBirth);
            fields.put("postcode", postcode);
            fields.put("phone", phone);
            fields.put("email", email);
            fields.put("address", address);
            fields.put("narrative", "Assaulted outside her home.");
            return JSON.writeValueAsString(fields);
        }
    }

    private String openCaseWithDetails(String pseudonym, Victim victim) {
        String referralId = newReferralId();
        String caseId = "vc-" + referralId;
        REFERRALS.holdSubject(referralId, victim.json());
        route(referralId, "victim-support", Map.of("subjectPseudonym", pseudonym));
        JsonNode opened = awaitCase(caseId, c -> !c.path("detailsPending").asBoolean());
        assertThat(opened.path("detailsPending").asBoolean()).isFalse();
        awaitOutboxDrained(caseId);
        return caseId;
    }

    private void close(String caseId) throws Exception {
        HttpResponse<String> closed = post("/api/victim-cases/" + caseId + "/closure", "{\"reason\":\"declined-support\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        awaitOutboxDrained(caseId);
    }

    private void publishErasure(String eventId, Map<String, Object> payload) {
        String key = (String) payload.get("erasureId");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(SUBJECT_TOPIC, key, JSON.writeValueAsBytes(payload));
        CloudEventHeaders.write(new EventMetadata(eventId, ERASED, "/saferkent/referrals", key, clock.instant(),
                "it-" + eventId, eventId, 1, null), record.headers());
        TopicRecords.send(record);
    }

    private Map<String, Long> versions(List<String> caseIds) {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (String caseId : caseIds) {
            Document doc = mongo.getCollection("victim_cases").find(new Document("_id", caseId)).first();
            versions.put(caseId, ((Number) doc.get("version")).longValue());
        }
        return versions;
    }

    private static String pseudonym() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
