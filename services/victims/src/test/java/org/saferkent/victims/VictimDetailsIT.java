package org.saferkent.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.ConsumerBindings;
import org.saferkent.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingService;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import tools.jackson.databind.JsonNode;

/**
 * The victim's personal details come from referrals' claim check after the case is open. With
 * referrals down the case opens all the same, waiting for its details; they arrive when referrals
 * is back. They are never on the bus.
 */
class VictimDetailsIT extends VictimsIntegrationTest {

    private static final String NAME = "Morwenna Quillfeather";

    @Autowired
    private BindingService bindings;

    @Autowired
    private MeterRegistry meters;

    @AfterEach
    void referralsIsBack() {
        REFERRALS.comeBack();
    }

    @Test
    void withReferralsDownTheCaseOpensPendingDetailsAndTheyArriveWhenReferralsRecovers() throws Exception {
        String referralId = newReferralId();
        String caseId = "vc-" + referralId;
        REFERRALS.holdSubject(referralId, """
                {"name":"%s","dateOfBirth":"1979-06-21","postcode":"CT9 1XX","phone":"07700 900123",
                 "email":"morwenna@example.org","address":"1 Harbour Street, Margate","narrative":"Assaulted outside her home."}
                """.formatted(NAME));
        REFERRALS.goDown();

        route(referralId, "victim-support", Map.of());

        JsonNode pending = awaitCase(caseId, c -> true);
        assertThat(pending.path("status").asString()).isEqualTo("OPEN");
        assertThat(pending.path("detailsPending").asBoolean()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> REFERRALS.unavailableAnswers(referralId) > 0);
        HttpResponse<String> notYet = get("/api/victim-cases/" + caseId + "/details");
        assertThat(notYet.statusCode()).isEqualTo(404);
        assertThat(notYet.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(JSON.readTree(notYet.body()).path("detailsPending").asBoolean()).isTrue();
        TopicRecords.awaitRecord(TOPIC, ofType("victims.VictimCaseOpened.v1").and(keyed(caseId)));

        REFERRALS.comeBack();

        awaitCase(caseId, c -> !c.path("detailsPending").asBoolean());
        HttpResponse<String> details = get("/api/victim-cases/" + caseId + "/details");
        assertThat(details.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(details.body());
        assertThat(body.path("name").asString()).isEqualTo(NAME);
        assertThat(body.path("dateOfBirth").asString()).isEqualTo("1979-06-21");
        assertThat(body.path("postcode").asString()).isEqualTo("CT9 1XX");
        assertThat(readCase(caseId).toString()).doesNotContain(NAME, "Harbour Street", "07700");
        awaitOutboxDrained(caseId);
        for (String topic : new String[] {TOPIC, OPS_TOPIC}) {
            for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(topic)) {
                assertThat(TopicRecords.value(record)).doesNotContain(NAME, "Harbour Street", "morwenna@");
                record.headers().forEach(header -> assertThat(new String(header.value())).doesNotContain(NAME));
            }
        }
    }

    /**
     * A poll's routings open their cases together, and their details are fetched together: a claim check each,
     * each case its own person's details under its own key, but the details and the new people's keys stored
     * with a few writes for all of them, not one each.
     */
    @Test
    void casesOpenedTogetherGetTheirOwnDetailsWithAFewStoreWritesForAll() throws Exception {
        int cases = 12;
        List<String> referralIds = IntStream.range(0, cases).mapToObj(i -> newReferralId()).toList();
        for (int i = 0; i < cases; i++) {
            REFERRALS.holdSubject(referralIds.get(i), """
                    {"name":"Person %d Tregarthen","dateOfBirth":"1980-01-%02d","postcode":"ME14 1XX"}""".formatted(i, i + 1));
        }
        long detailsBefore = writes("victim_details");
        long keysBefore = writes("subject_keys");

        whileStopped(() -> referralIds.forEach(referralId -> route(referralId, "victim-support",
                Map.of("subjectPseudonym", newPseudonym()))));

        for (int i = 0; i < cases; i++) {
            String caseId = "vc-" + referralIds.get(i);
            awaitCase(caseId, c -> !c.path("detailsPending").asBoolean());
            HttpResponse<String> details = get("/api/victim-cases/" + caseId + "/details");
            assertThat(details.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(details.body()).path("name").asString()).isEqualTo("Person " + i + " Tregarthen");
        }
        assertThat(mongo.getCollection("subject_keys").countDocuments()).as("a key for each new person").isGreaterThanOrEqualTo(cases);
        assertThat(writes("victim_details") - detailsBefore).as("write commands storing %d cases' details", cases)
                .isBetween(1L, cases / 3L);
        assertThat(writes("subject_keys") - keysBefore).as("write commands creating %d people's keys", cases).isBetween(1L, cases / 3L);
    }

    /** The write commands (insert, update, delete, findAndModify) this service sent to {@code collection} so far. */
    private long writes(String collection) {
        return meters.find("mongodb.driver.commands").tag("collection", collection).timers().stream()
                .filter(timer -> List.of("insert", "update", "delete", "findAndModify").contains(timer.getId().getTag("command")))
                .mapToLong(Timer::count).sum();
    }

    private static String newPseudonym() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    /** Runs {@code work} with the routings' binding stopped, then starts it again: what it published is one poll. */
    private void whileStopped(Runnable work) {
        ConsumerBindings.whileStopped(bindings, work, "referralEvents-in-0");
    }

    @Test
    void aCaseWhoseReferralHoldsNoDetailsStopsWaitingForThem() throws Exception {
        String caseId = openCase(Map.of()); // the fake holds no subject for it: 404

        HttpResponse<String> details = get("/api/victim-cases/" + caseId + "/details");

        assertThat(details.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(details.body()).path("detailsPending").asBoolean()).isFalse();
        assertThat(JSON.readTree(get("/api/victim-cases/" + caseId + "/timeline").body()).valueStream()
                .map(entry -> entry.path("what").asString())).contains("no personal details held by referrals");
    }
}
