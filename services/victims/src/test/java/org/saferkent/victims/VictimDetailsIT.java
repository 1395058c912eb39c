package org.saferkent.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.TopicRecords;

import tools.jackson.databind.JsonNode;

/**
 * The victim's personal details come from referrals' claim check after the case is open. With
 * referrals down the case opens all the same, waiting for its details; they arrive when referrals
 * is back. They are never on the bus.
 */
class VictimDetailsIT extends VictimsIntegrationTest {

    private static final String NAME = "Morwenna Quillfeather";

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
