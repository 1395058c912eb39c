package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saferkent.platform.dataprotection.MasterKeys;
import org.saferkent.platform.dataprotection.PersonalDataErasedException;
import org.saferkent.platform.dataprotection.PersonalDataVault;
import org.saferkent.platform.dataprotection.RetentionWatermarks;
import org.saferkent.platform.dataprotection.SubjectKeys;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.saferkent.platform.test.EventCatalogue;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.RealInfrastructureInitializer;
import org.saferkent.platform.test.StoreScans;
import org.saferkent.platform.test.Tokens;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.saferkent.referrals.dataprotection.RetentionPurge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data protection in referrals, over real HTTP with the real broker and store: personal details are
 * sealed at rest with the subject's data key; an erasure request shreds every referral's details of the
 * person (the raw documents no longer decrypt, the claim check answers 410) and announces it, while the
 * referrals, their events and so what commissioning counts stay exactly as they were; the retention
 * policy shreds subjects settled longer ago than the period; the pseudonym secret rotates without losing
 * a subject's history; and no personal data reaches any topic or log line.
 *
 * <p>Its clock runs ahead for the retention test (last), so the context is closed after the class.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "spring.config.name=referrals",
        "saferkent.referrals.clocks.scan-interval=1h",
        "saferkent.data-protection.retention.enabled=false",
        "saferkent.data-protection.key-cache.ttl=2s"})
@WithRealInfrastructure
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataProtectionIT {

    private static final String SUBJECT_TOPIC = "referrals.subject.events";
    private static final String ERASED = "referrals.SubjectErased.v1";
    private static final String ROUTED = "referrals.ReferralRouted.v1";
    private static final String LINKED = "referrals.ReferralLinked.v1";
    /** The relay's own sweep belongs to platform/outbox, which declares its indexes itself. */
    private static final List<String> OUTBOX_FIELDS = List.of("pendingEvents", "relayLease");
    private static final String ROTATED_SECRET = "rotated-partnership-secret-for-the-test-0123456789";

    private static final TopicLog EVENTS = TopicLog.of("referrals.referral.events");
    private static final TopicLog SUBJECTS = TopicLog.of(SUBJECT_TOPIC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> OWNERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestConfiguration(proxyBeanMethods = false)
    static class ControlledTime {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** Someone referred: every identifying value is unique to the test, so a scan can look for it. */
    record Person(String name, String dateOfBirth, String postcode, String phone, String email, String address, String narrative) {

        static Person random() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "abcdef";
            String tag = Character.toUpperCase(letters.charAt(0)) + letters.substring(1, 7);
            return new Person("Ottoline " + tag + "-Pemberton",
                    "19%02d-%02d-%02d".formatted(random.nextInt(40, 99), random.nextInt(1, 13), random.nextInt(1, 29)),
                    "CT21 4" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)),
                    "07700 9" + random.nextInt(10000, 99999),
                    "ottoline." + letters.substring(0, 8) + "@example.net",
                    random.nextInt(10, 99) + " " + tag + " Rise, Hythe",
                    "Threatened at the " + tag + " allotments");
        }

        /** What must never leave referrals but through the claim check. */
        List<String> identifying() {
            return List.of(name, name.substring(9), dateOfBirth, postcode, postcode.replace(" ", ""), phone,
                    phone.replace(" ", ""), email, address, narrative);
        }

        Map<String, Object> identifiers() {
            return Map.of("name", name, "dateOfBirth", dateOfBirth, "postcode", postcode);
        }
    }

    @Value("${local.server.port}")
    private int port;

    @Value("${saferkent.referrals.pseudonym-secret}")
    private String currentSecret;

    @Autowired
    private MovableClock clock;

    @Autowired
    private RetentionPurge retention;

    @Autowired
    private SubjectKeys keys;

    @Autowired
    private MongoTemplate mongo;

    // ---------------------------------------------------------------- erasure on request

    @Test
    @Order(1)
    void anErasureShredsEveryReferralOfThePersonAndLeavesTheReferralsAndTheirEventsAsTheyWere() throws Exception {
        Person person = Person.random();
        Person someoneElse = Person.random();
        JsonNode first = created(port, referral("kent-police", person, "violent-crime", null));
        JsonNode second = created(port, referral("kent-police", person, "criminal-damage-arson", null));
        JsonNode other = created(port, referral("kent-police", someoneElse, "violent-crime", null));
        List<String> ids = List.of(id(first), id(second));
        ids.forEach(id -> EVENTS.await(ofType(ROUTED).and(keyed(id))));
        assertThat(claimCheck(port, id(first)).statusCode()).isEqualTo(200);
        Map<String, String> before = new LinkedHashMap<>();
        for (String id : ids) {
            before.put(id, send(port, "GET", "/api/referrals/" + id, null).body());
        }
        Map<String, Long> versions = referralVersions(ids);
        int eventsBefore = EVENTS.matching(record -> ids.contains(record.key())).size();

        HttpResponse<String> erasure = send(port, "POST", "/api/data-protection/erasures", erasureOf(person));

        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(erasure.body());
        assertThat(answer.path("subjectPseudonym").asString()).isEqualTo(first.path("subjectPseudonym").asString());
        assertThat(answer.path("keysDestroyed").asLong()).isPositive();
        assertThat(erasure.body()).doesNotContain(person.name(), person.dateOfBirth(), person.postcode());

        for (String id : ids) {
            HttpResponse<String> claim = claimCheck(port, id);
            assertThat(claim.statusCode()).as("claim check after erasure").isEqualTo(410);
            assertThat(claim.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(JSON.readTree(claim.body()).path("erased").asBoolean()).isTrue();
            assertThat(claim.body()).doesNotContain(person.name());
        }
        assertThat(claimCheck(port, id(other)).statusCode()).as("someone else's details").isEqualTo(200);

        // The raw documents: ciphertext only, and no key left that opens it, whoever asks.
        PersonalDataVault coldVault = new PersonalDataVault(new SubjectKeys(mongo, MasterKeys.development(), Clock.systemUTC(), 0, Duration.ZERO));
        for (String id : ids) {
            Document raw = mongo.getCollection("subject_details").find(new Document("_id", id)).first();
            assertThat(raw).isNotNull();
            assertThat(raw.toJson()).doesNotContain(person.name(), person.postcode(), person.dateOfBirth());
            Document sealed = raw.get("sealed", Document.class);
            assertThat(sealed.getString("name")).startsWith("v1:");
            assertThatThrownBy(() -> coldVault.open(id, sealed)).isInstanceOf(PersonalDataErasedException.class);
            String keyId = sealed.getString("name").split(":")[1];
            assertThat(mongo.getCollection("subject_keys").find(new Document("_id", keyId)).first())
                    .doesNotContainKey("wrapped").containsKey("destroyedAt");
        }

        ConsumerRecord<String, byte[]> announced = SUBJECTS.await(ofType(ERASED)
                .and(r -> TopicRecords.value(r).contains(answer.path("erasureId").asString())));
        assertThat(EventCatalogue.violations(announced)).isEmpty();
        JsonNode payload = JSON.readTree(announced.value());
        assertThat(payload.path("subjectPseudonym").asString()).isEqualTo(first.path("subjectPseudonym").asString());
        assertThat(TopicRecords.value(announced)).doesNotContain(person.name(), person.dateOfBirth(), person.postcode());

        // What commissioning counts is unchanged: the referrals read the same, nothing was re-published.
        for (String id : ids) {
            assertThat(JSON.readTree(send(port, "GET", "/api/referrals/" + id, null).body())).isEqualTo(JSON.readTree(before.get(id)));
        }
        assertThat(referralVersions(ids)).isEqualTo(versions);
        assertThat(EVENTS.matching(record -> ids.contains(record.key()))).hasSize(eventsBefore);
    }

    @Test
    @Order(2)
    void anErasureCanNameThePseudonymAndABadRequestNamesItsFieldWithoutEchoingIt() throws Exception {
        Person person = Person.random();
        JsonNode referral = created(port, referral("kent-police", person, "violent-crime", null));

        HttpResponse<String> noDate = send(port, "POST", "/api/data-protection/erasures",
                JSON.writeValueAsString(Map.of("name", person.name(), "dateOfBirth", "14/03/1988", "requestReference", reference())));
        HttpResponse<String> badPseudonym = send(port, "POST", "/api/data-protection/erasures",
                JSON.writeValueAsString(Map.of("pseudonym", "XYZ", "requestReference", reference())));
        HttpResponse<String> nothing = send(port, "POST", "/api/data-protection/erasures", "{}");

        assertThat(noDate.statusCode()).isEqualTo(422);
        assertThat(errorFields(noDate)).containsExactly("dateOfBirth");
        assertThat(noDate.body()).doesNotContain(person.name(), "14/03/1988");
        assertThat(badPseudonym.statusCode()).isEqualTo(422);
        assertThat(errorFields(badPseudonym)).containsExactly("pseudonym");
        assertThat(nothing.statusCode()).isEqualTo(422);
        assertThat(errorFields(nothing)).containsExactly("requestReference", "name", "dateOfBirth");
        assertThat(claimCheck(port, id(referral)).statusCode()).as("a refused request erases nothing").isEqualTo(200);

        HttpResponse<String> erasure = send(port, "POST", "/api/data-protection/erasures",
                JSON.writeValueAsString(Map.of("pseudonym", referral.path("subjectPseudonym").asString(), "requestReference", reference())));

        assertThat(erasure.statusCode()).isEqualTo(202);
        assertThat(claimCheck(port, id(referral)).statusCode()).isEqualTo(410);
    }

    /**
     * Issue 17: a person referred from two addresses has one history under two pseudonyms. An erasure naming the
     * newer pseudonym finds that history and shreds the details of every referral of it, at both addresses, and the
     * history forgets the link key (their keyed name and date of birth).
     */
    @Test
    @Order(2)
    void anErasureByTheNewAddresssPseudonymErasesTheHistoryJoinedAcrossAddresses() throws Exception {
        Person person = Person.random();
        Person moved = new Person(person.name(), person.dateOfBirth(), "ME14 5" + person.postcode().substring(6), person.phone(),
                person.email(), person.address(), person.narrative());
        JsonNode before = created(port, referral("kent-police", person, "violent-crime", null));
        JsonNode after = created(port, referral("kent-police", moved, "criminal-damage-arson", null));
        String oldPseudonym = before.path("subjectPseudonym").asString();
        String newPseudonym = after.path("subjectPseudonym").asString();
        assertThat(newPseudonym).isNotEqualTo(oldPseudonym);
        assertThat(mongo.getCollection("subjects").find(new Document("_id", oldPseudonym)).first().getList("pseudonyms", String.class))
                .containsExactly(newPseudonym);
        assertThat(claimCheck(port, id(before)).statusCode()).isEqualTo(200);

        HttpResponse<String> erasure = send(port, "POST", "/api/data-protection/erasures",
                JSON.writeValueAsString(Map.of("pseudonym", newPseudonym, "requestReference", reference())));

        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(erasure.body());
        assertThat(answer.path("subjectPseudonym").asString()).isEqualTo(oldPseudonym);
        assertThat(answer.path("pseudonymsErased").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(claimCheck(port, id(before)).statusCode()).as("the first address's referral").isEqualTo(410);
        assertThat(claimCheck(port, id(after)).statusCode()).as("the new address's referral").isEqualTo(410);
        Document history = mongo.getCollection("subjects").find(new Document("_id", oldPseudonym)).first();
        assertThat(history).doesNotContainKey("personKeys").doesNotContainKey("claimedPersonKey");
        assertThat(history.getList("referralIds", String.class)).containsExactly(id(before), id(after));
    }

    /**
     * Issue 18: the officer's erasure names the data subject's request it carries out. Without a reference, or with
     * one that is not a reference, it is refused naming {@code requestReference} and nothing is erased; with one, the
     * erasure's record, its answer and the audit trail name who erased (from the token: the dpo client here) and
     * the reference, and nothing of the person.
     */
    @Test
    @Order(2)
    void anErasureNeedsTheRequestsReferenceAndIsRecordedAndAuditedUnderWhoErasedAndThatReference() throws Exception {
        Person person = Person.random();
        JsonNode referral = created(port, referral("kent-police", person, "violent-crime", null));
        Map<String, Object> identifiers = person.identifiers();
        long erasuresBefore = mongo.getCollection("erasures").countDocuments();

        HttpResponse<String> missing = send(port, "POST", "/api/data-protection/erasures", JSON.writeValueAsString(identifiers));
        Map<String, Object> named = new LinkedHashMap<>(identifiers);
        named.put("requestReference", person.name());
        HttpResponse<String> aName = send(port, "POST", "/api/data-protection/erasures", JSON.writeValueAsString(named));
        Map<String, Object> long65 = new LinkedHashMap<>(identifiers);
        long65.put("requestReference", "DSR-" + "1".repeat(61));
        HttpResponse<String> tooLong = send(port, "POST", "/api/data-protection/erasures", JSON.writeValueAsString(long65));

        for (HttpResponse<String> refused : List.of(missing, aName, tooLong)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(errorFields(refused)).containsExactly("requestReference");
            assertThat(refused.body()).doesNotContain(person.name(), person.dateOfBirth(), person.postcode());
        }
        assertThat(claimCheck(port, id(referral)).statusCode()).as("a refused erasure erases nothing").isEqualTo(200);
        assertThat(mongo.getCollection("erasures").countDocuments()).as("and records none").isEqualTo(erasuresBefore);

        String reference = "DSR-2026/" + ThreadLocalRandom.current().nextInt(100000, 999999);
        Map<String, Object> request = new LinkedHashMap<>(identifiers);
        request.put("requestReference", reference);
        HttpResponse<String> erasure = send(port, "POST", "/api/data-protection/erasures", JSON.writeValueAsString(request));

        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(erasure.body());
        assertThat(answer.path("erasedBy").asString()).isEqualTo("dpo");
        assertThat(answer.path("requestReference").asString()).isEqualTo(reference);
        assertThat(claimCheck(port, id(referral)).statusCode()).isEqualTo(410);
        String erasureId = answer.path("erasureId").asString();
        Document record = mongo.getCollection("erasures").find(new Document("_id", erasureId)).first();
        assertThat(record).isNotNull();
        assertThat(record.getString("erasedBy")).isEqualTo("dpo");
        assertThat(record.getString("requestReference")).isEqualTo(reference);
        Document audited = mongo.getCollection("audit_trail").find(new Document("recordId", erasureId)).first();
        assertThat(audited).as("the erasure on the audit trail").isNotNull();
        assertThat(audited.getString("action")).isEqualTo("erase-personal-data");
        assertThat(audited.getString("subject")).isEqualTo("dpo");
        assertThat(audited.getString("outcome")).isEqualTo("allowed");
        assertThat(audited.getString("reason")).contains("request " + reference);
        for (Document kept : List.of(record, audited)) {
            assertThat(kept.toJson()).doesNotContain(person.name(), person.dateOfBirth(), person.postcode());
        }
        // the other services hear of the erasure, not of who asked or why
        ConsumerRecord<String, byte[]> announced = SUBJECTS.await(ofType(ERASED).and(r -> TopicRecords.value(r).contains(erasureId)));
        assertThat(TopicRecords.value(announced)).doesNotContain(reference, "dpo");
    }

    @Test
    @Order(2)
    void detailsStoredBeforeEncryptionAreStillServed() throws Exception {
        // a referral whose details document is in the form written before encryption
        String id = id(created(port, referral("kent-police", Person.random(), "violent-crime", null)));
        mongo.getCollection("subject_details").replaceOne(new Document("_id", id), new Document("_id", id).append("name", "Legacy Person")
                .append("dateOfBirth", "1970-01-02").append("postcode", "ME1 1AA"));

        HttpResponse<String> claim = claimCheck(port, id);

        assertThat(claim.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(claim.body()).path("name").asString()).isEqualTo("Legacy Person");
        assertThat(JSON.readTree(claim.body()).path("dateOfBirth").asString()).isEqualTo("1970-01-02");
    }

    /**
     * A details document written before encryption holds its fields in plain text and no key to destroy:
     * the erasure overwrites it, and the claim check answers 410 as for sealed details. Nothing readable
     * of the person stays in the raw document.
     */
    @Test
    @Order(2)
    void detailsStoredBeforeEncryptionAreOverwrittenByAnErasureAndAnswer410() throws Exception {
        Person person = Person.random();
        JsonNode referral = created(port, referral("kent-police", person, "violent-crime", null));
        String id = id(referral);
        storeInThePlainShapeOfBeforeEncryption(id, person);
        assertThat(claimCheck(port, id).statusCode()).as("served before the erasure").isEqualTo(200);

        HttpResponse<String> erasure = send(port, "POST", "/api/data-protection/erasures", erasureOf(person));

        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(202);
        HttpResponse<String> claim = claimCheck(port, id);
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(410);
        assertThat(JSON.readTree(claim.body()).path("erased").asBoolean()).isTrue();
        Document raw = mongo.getCollection("subject_details").find(new Document("_id", id)).first();
        assertThat(raw).as("the document stays, so the answer is 410, not 404").isNotNull();
        for (String value : person.identifying()) {
            assertThat(raw.toJson()).as("the raw document after the erasure").doesNotContain(value);
        }
    }

    /**
     * An erasure carried out before erasures overwrote plain documents left one behind: it is not served
     * either, as the subject was erased.
     */
    @Test
    @Order(2)
    void plainDetailsOfASubjectErasedEarlierAreNotServed() throws Exception {
        Person person = Person.random();
        String id = id(created(port, referral("kent-police", person, "violent-crime", null)));
        assertThat(send(port, "POST", "/api/data-protection/erasures", erasureOf(person)).statusCode())
                .isEqualTo(202);
        storeInThePlainShapeOfBeforeEncryption(id, person); // what an earlier erasure did not touch

        HttpResponse<String> claim = claimCheck(port, id);

        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(410);
        assertThat(claim.body()).doesNotContain(person.name());
    }

    /** The details document as an old version wrote it: every field in plain text at the top level, no subject. */
    private void storeInThePlainShapeOfBeforeEncryption(String id, Person person) {
        mongo.getCollection("subject_details").replaceOne(new Document("_id", id), new Document("_id", id)
                .append("name", person.name()).append("dateOfBirth", person.dateOfBirth()).append("postcode", person.postcode())
                .append("phone", person.phone()).append("email", person.email()).append("address", person.address())
                .append("narrative", person.narrative()));
    }

    // ---------------------------------------------------------------- nothing personal anywhere

    @Test
    @Order(3)
    void noPersonalDataReachesAnyTopicOrLogLine(CapturedOutput output) throws Exception {
        Person kept = Person.random();
        Person erased = Person.random();
        JsonNode one = created(port, referral("kent-police", kept, "violent-crime", "46/" + ThreadLocalRandom.current().nextInt(1000, 9999) + "/26"));
        JsonNode two = created(port, referral("kent-fire-rescue", erased, "violent-crime", null));
        EVENTS.await(ofType(ROUTED).and(keyed(id(one))));
        EVENTS.await(ofType(ROUTED).and(keyed(id(two))));
        assertThat(claimCheck(port, id(one)).body()).contains(kept.name()); // the one way out, and it works
        send(port, "POST", "/api/referrals", "{\"agency\":\"nobody\",\"subject\":{\"name\":\"" + kept.name() + "\"}}");
        HttpResponse<String> erasure = send(port, "POST", "/api/data-protection/erasures", erasureOf(erased));
        String erasureId = JSON.readTree(erasure.body()).path("erasureId").asString();
        SUBJECTS.await(ofType(ERASED).and(r -> TopicRecords.value(r).contains(erasureId)));

        List<String> identifying = new ArrayList<>(kept.identifying());
        identifying.addAll(erased.identifying());
        for (String topic : allTopics()) {
            for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(topic)) {
                String everything = record.key() + " " + TopicRecords.value(record) + " " + headers(record);
                assertThat(everything).as("a record on %s", topic).doesNotContain(identifying);
            }
        }
        assertThat(output.getAll()).as("the log").doesNotContain(identifying).isNotEmpty();
    }

    // ---------------------------------------------------------------- pseudonym secret rotation

    @Test
    @Order(4)
    void afterTheSecretRotatesASubjectsEarlierReferralsAreStillLinkedAndOneErasureShredsThemAll() throws Exception {
        Person person = Person.random();
        String crimeReference = "46/" + ThreadLocalRandom.current().nextInt(1000, 9999) + "/26";
        JsonNode before = created(port, referral("kent-police", person, "violent-crime", crimeReference));
        EVENTS.await(ofType(ROUTED).and(keyed(id(before))));

        try (ConfigurableApplicationContext rotated = startReferrals(
                "saferkent.referrals.pseudonym-secret=" + ROTATED_SECRET,
                "saferkent.referrals.previous-pseudonym-secrets=" + currentSecret)) {
            int rotatedPort = Integer.parseInt(rotated.getEnvironment().getRequiredProperty("local.server.port"));

            JsonNode posted = created(rotatedPort, referral("kent-fire-rescue", person, "violent-crime", crimeReference));
            assertThat(posted.has("linkedTo")).as("the agency's own answer names no other agency's referral").isFalse();
            HttpResponse<String> read = send(rotatedPort, "GET", "/api/referrals/" + id(posted) + "/safeguarding", null);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            JsonNode after = JSON.readTree(read.body());

            assertThat(after.path("subjectPseudonym").asString()).isNotEqualTo(before.path("subjectPseudonym").asString());
            assertThat(after.path("status").asString()).isEqualTo("linked");
            assertThat(after.path("linkedTo").asString()).isEqualTo(id(before));
            assertThat(after.path("linkReason").asString()).isEqualTo("same-crime-reference");
            JsonNode linked = JSON.readTree(EVENTS.await(ofType(LINKED).and(keyed(id(after)))).value());
            assertThat(linked.path("linkedTo").asString()).isEqualTo(id(before));
            Document index = mongo.getCollection("subjects").find(new Document("_id", after.path("subjectPseudonym").asString())).first();
            assertThat(index.getList("formerPseudonyms", String.class)).containsExactly(before.path("subjectPseudonym").asString());
            assertThat(mongo.getCollection("subjects").countDocuments(new Document("_id", before.path("subjectPseudonym").asString()))).isZero();

            HttpResponse<String> erasure = send(rotatedPort, "POST", "/api/data-protection/erasures",
                    erasureOf(person));

            assertThat(erasure.statusCode()).isEqualTo(202);
            assertThat(claimCheck(rotatedPort, id(after)).statusCode()).isEqualTo(410);
            assertThat(claimCheck(rotatedPort, id(before)).statusCode()).isEqualTo(410);
            // the other instance may serve a key from its brief cache: it sees the erasure within the cache's time
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> claimCheck(port, id(before)).statusCode() == 410);
            String erasureId = JSON.readTree(erasure.body()).path("erasureId").asString();
            JsonNode announced = JSON.readTree(SUBJECTS.await(ofType(ERASED).and(r -> TopicRecords.value(r).contains(erasureId))).value());
            assertThat(announced.path("subjectPseudonym").asString()).isEqualTo(after.path("subjectPseudonym").asString());
            // every key the person may be held under elsewhere: the earlier secret's, and both secrets' under the
            // name normalisation before issue 17 (the hyphen), under which victims or RJ may hold earlier records
            List<String> previous = Pseudonymiser.configured("secret", ROTATED_SECRET, List.of(currentSecret))
                    .previousPseudonyms(person.name(), LocalDate.parse(person.dateOfBirth()), person.postcode());
            assertThat(previous).hasSize(3).contains(before.path("subjectPseudonym").asString());
            assertThat(announced.path("formerPseudonyms").valueStream().map(JsonNode::asString))
                    .containsExactlyInAnyOrderElementsOf(previous);
        }
    }

    // ---------------------------------------------------------------- retention (last: moves the clock on)

    @Test
    @Order(5)
    void theRetentionPolicyShredsOnlySubjectsWhoseEveryReferralSettledLongerAgoThanThePeriod() throws Exception {
        firstRunSinceDeployment();
        Person settled = Person.random();
        Person stillOpen = Person.random();
        Person settledBeforeTheChange = Person.random();
        String settledId = id(created(port, referral("kent-police", settled, "violent-crime", null)));
        String openSettledId = id(created(port, referral("kent-police", stillOpen, "violent-crime", null)));
        String openId = id(created(port, referral("kent-police", stillOpen, "criminal-damage-arson", null)));
        String legacyId = id(created(port, referral("kent-police", settledBeforeTheChange, "violent-crime", null)));
        close(settledId);
        close(openSettledId);
        close(legacyId);
        storedAsBeforeSettledAtWas(legacyId);

        purgeOnIndexes();
        assertThat(claimCheck(port, settledId).statusCode()).as("settled just now").isEqualTo(200);
        assertThat(referralDocument(legacyId).get("settledAt")).as("the first run backfills when it settled").isNotNull();

        clock.moveTo(ZonedDateTime.now(ZoneOffset.UTC).plusYears(6).plusDays(2).toInstant());

        assertThat(purgeOnIndexes()).isPositive();

        assertThat(claimCheck(port, settledId).statusCode()).as("settled 6 years ago").isEqualTo(410);
        assertThat(claimCheck(port, legacyId).statusCode()).as("settled 6 years ago, stored before settledAt was").isEqualTo(410);
        assertThat(claimCheck(port, openSettledId).statusCode()).as("the same person has a referral still open").isEqualTo(200);
        assertThat(claimCheck(port, openId).statusCode()).isEqualTo(200);
        assertThat(send(port, "GET", "/api/referrals/" + settledId, null).statusCode()).as("the referral itself stays").isEqualTo(200);
        assertThat(purgeOnIndexes()).as("nothing left to shred").isZero();
    }

    /**
     * Issue 15: a run reads what settled since the last run's cutoff, not every referral settled long ago.
     * A referral settled before the watermark is not read again (the key made afterwards for its person,
     * which a run re-reading it would shred, stays live); a person kept for a referral still open is shredded
     * by the run whose window that referral's settling enters.
     */
    @Test
    @Order(6)
    void eachRunReadsOnlyWhatSettledSinceTheLastAndAPersonKeptForAnOpenReferralIsShreddedOnceItSettledLongEnough() throws Exception {
        firstRunSinceDeployment();
        Person early = Person.random();
        Person kept = Person.random();
        String earlyId = id(created(port, referral("kent-police", early, "violent-crime", null)));
        String keptSettledId = id(created(port, referral("kent-police", kept, "violent-crime", null)));
        String keptOpenId = id(created(port, referral("kent-police", kept, "criminal-damage-arson", null)));
        close(earlyId);
        close(keptSettledId);
        clock.moveTo(clock.instant().plus(Duration.ofDays(6 * 366 + 2)));

        assertThat(purgeOnIndexes()).isPositive();
        assertThat(claimCheck(port, earlyId).statusCode()).as("settled six years ago").isEqualTo(410);
        assertThat(claimCheck(port, keptSettledId).statusCode()).as("the same person has a referral still open").isEqualTo(200);

        String earlyPseudonym = referralDocument(earlyId).get("subject", Document.class).getString("pseudonym");
        keys.activeKey(earlyPseudonym); // a key made after the run, for a person whose referrals all settled before its cutoff
        close(keptOpenId); // settles now: after the watermark, so in a later run's window
        clock.moveTo(clock.instant().plus(Duration.ofDays(6 * 366 + 2)));

        assertThat(purgeOnIndexes()).isPositive();
        assertThat(claimCheck(port, keptSettledId).statusCode()).as("the last referral settled six years ago").isEqualTo(410);
        assertThat(claimCheck(port, keptOpenId).statusCode()).isEqualTo(410);
        assertThat(keys.hasLiveKey(earlyPseudonym)).as("a referral settled before the watermark is not read again").isTrue();
    }

    // ---------------------------------------------------------------- helpers

    /** The purge as at its first run after deployment: no watermark (other classes' runs may have left one). */
    private void firstRunSinceDeployment() {
        mongo.getCollection(RetentionWatermarks.COLLECTION).deleteOne(new Document("_id", RetentionPurge.WATERMARK));
    }

    /** One run of the purge; every query it makes is served by an index (none reads a collection whole). */
    private int purgeOnIndexes() {
        StoreScans.Mark mark = StoreScans.mark("referrals");
        int purged = retention.purge();
        assertThat(StoreScans.since(mark).keySet().stream().filter(shape -> OUTBOX_FIELDS.stream().noneMatch(shape::contains)))
                .as("collection scans of referrals' collections, by query shape").isEmpty();
        return purged;
    }

    /** The referral as a version before settledAt was recorded stored it. */
    private void storedAsBeforeSettledAtWas(String referralId) {
        assertThat(referralDocument(referralId).get("settledAt")).as("stored with the write that settled it").isNotNull();
        mongo.getCollection("referrals").updateOne(new Document("_id", referralId), new Document("$unset", new Document("settledAt", "")));
    }

    private Document referralDocument(String referralId) {
        return mongo.getCollection("referrals").find(new Document("_id", referralId)).first();
    }

    /** Victims opens a case for the referral and closes it (the victim declined support): the referral is settled. */
    private void close(String referralId) throws Exception {
        String caseId = "vc-" + UUID.randomUUID();
        CaseEvents.send(CaseEvents.VICTIMS_TOPIC, "victims.VictimCaseOpened.v1", caseId,
                Map.of("caseId", caseId, "referralId", referralId, "pathway", "victim-support"));
        CaseEvents.send(CaseEvents.VICTIMS_TOPIC, "victims.VictimCaseClosed.v1", caseId,
                Map.of("caseId", caseId, "referralId", referralId, "pathway", "victim-support", "reason", "declined-support"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                "closed".equals(JSON.readTree(send(port, "GET", "/api/referrals/" + referralId, null).body()).path("status").asString()));
    }

    private ConfigurableApplicationContext startReferrals(String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "spring.config.name=referrals",
                "server.port=0",
                "server.address=127.0.0.1",
                "spring.kafka.bootstrap-servers=" + RealInfrastructure.get().kafkaBootstrapServers(),
                "spring.mongodb.uri=" + RealInfrastructure.get().mongoUri(),
                "saferkent.referrals.clocks.scan-interval=1h",
                "saferkent.data-protection.retention.enabled=false"));
        all.addAll(List.of(properties));
        // as command-line arguments: above the service's own configuration file (which sets port 8081)
        return new SpringApplicationBuilder(ReferralsApplication.class)
                .initializers(new RealInfrastructureInitializer()) // the JVM's broker, store and identity server
                .run(all.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    private Map<String, Long> referralVersions(List<String> ids) {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (String id : ids) {
            Document doc = mongo.getCollection("referrals").find(new Document("_id", id)).first();
            versions.put(id, ((Number) doc.get("version")).longValue());
        }
        return versions;
    }

    private static Set<String> allTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers()))) {
            return admin.listTopics().names().get();
        }
    }

    private static String headers(ConsumerRecord<String, byte[]> record) {
        StringBuilder all = new StringBuilder();
        record.headers().forEach(h -> all.append(h.key()).append('=').append(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)).append(' '));
        return all.toString();
    }

    private static Map<String, Object> referral(String agency, Person person, String category, String crimeReference) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("role", "victim");
        subject.put("name", person.name());
        subject.put("dateOfBirth", person.dateOfBirth());
        subject.put("postcode", person.postcode());
        subject.put("phone", person.phone());
        subject.put("email", person.email());
        subject.put("address", person.address());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agency", agency);
        fields.put("agencyReference", "DP-" + UUID.randomUUID());
        fields.put("district", "folkestone-and-hythe");
        fields.put("category", category);
        if (crimeReference != null) {
            fields.put("crimeReference", crimeReference);
        }
        fields.put("pathway", "victim-support");
        fields.put("subject", subject);
        fields.put("narrative", person.narrative());
        fields.put("consent", Map.of("given", true, "recordedOn", "2026-11-01", "recordedBy", "PC 123"));
        return fields;
    }

    /** The officer's erasure request for the person: their identifiers and a fresh request reference. */
    private static String erasureOf(Person person) {
        Map<String, Object> request = new LinkedHashMap<>(person.identifiers());
        request.put("requestReference", reference());
        return JSON.writeValueAsString(request);
    }

    private static String reference() {
        return "DSR-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    }

    private JsonNode created(int servicePort, Map<String, Object> referral) throws Exception {
        HttpResponse<String> response = send(servicePort, "POST", "/api/referrals", JSON.writeValueAsString(referral));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> claimCheck(int servicePort, String referralId) throws Exception {
        return send(servicePort, "GET", "/api/referrals/" + referralId + "/subject", null);
    }

    private static String id(JsonNode referral) {
        return referral.path("id").asString();
    }

    private static List<String> errorFields(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    private static Predicate<ConsumerRecord<String, byte[]>> ofType(String type) {
        return TopicRecords.headerEquals(CloudEventHeaders.TYPE, type);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> keyed(String key) {
        return record -> key.equals(record.key());
    }

    /** Every HTTP call of this class goes through here (one place to add credentials). */
    private static HttpResponse<String> send(int servicePort, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + servicePort + path))
                .timeout(Duration.ofSeconds(10));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        request.header("Authorization", authorizationFor(method, path, json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if ("POST".equals(method) && "/api/referrals".equals(path) && response.statusCode() / 100 == 2) {
            JsonNode created = JSON.readTree(response.body());
            OWNERS.put(created.path("id").asString(), created.path("agency").asString());
        }
        return response;
    }

    /**
     * Who makes each call: the data protection officer erases, victims claims, the safeguarding scope reads links,
     * an agency posts and reads its own.
     */
    private static String authorizationFor(String method, String path, String json) {
        if (path.startsWith("/api/data-protection/")) {
            return Tokens.bearer("dpo");
        }
        if (path.endsWith("/subject")) {
            return Tokens.bearer("svc-victims");
        }
        if (path.endsWith("/safeguarding")) {
            return Tokens.safeguarding();
        }
        if ("POST".equals(method)) {
            return Tokens.agencyNamedIn(json, "kent-police");
        }
        String id = path.substring("/api/referrals/".length()).split("/")[0];
        return Tokens.agency(OWNERS.getOrDefault(id, "kent-police"));
    }
}
