package org.saferkent.ops;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.saferkent.ops.OpsFixtures.getJson;
import static org.saferkent.ops.OpsFixtures.post;

/** A poison record through ops-monitor: seen with its reason and the lag, inspected masked, replayed once after the fix. */
@OpsMonitorTest
class DeadLettersIT {

    private static final String DLQ = Topics.deadLetterTopic(TestWidgets.TOPIC, "ops-monitor");

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void defectBack() {
        TestWidgets.rejectUltraviolet.set(true);
    }

    @Test
    void aPoisonRecordShowsUpWithItsReasonAndLagAndIsProcessedOnceWhenReplayedAfterTheFix() throws Exception {
        String api = "http://127.0.0.1:" + port + "/api/ops";
        String eventId = UUID.randomUUID().toString();
        String widgetId = "w-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = OpsFixtures.widget(eventId, widgetId, """
                {"widgetId":"%s","colour":"ultraviolet","ownerName":"Alex Example","contact":"alex@example.org",
                 "notes":"call 07700 900123, lives at ME14 1XX"}""".formatted(widgetId));
        TopicRecords.send(poison);

        // seen on its dead-letter topic, with the consumer's reason
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode match = null;
            for (JsonNode d : getJson(api + "/dead-letters?limit=500")) {
                if (eventId.equals(d.path("eventId").asString())) {
                    match = d;
                }
            }
            assertThat(match).as("dead letter of " + eventId).isNotNull();
            found.set(match);
        });
        JsonNode deadLetter = found.get();
        String id = deadLetter.path("id").asString();
        assertThat(deadLetter.path("topic").asString()).isEqualTo(DLQ);
        assertThat(deadLetter.path("reason").asString()).isEqualTo("field 'colour' has a value this consumer does not know");
        assertThat(deadLetter.path("originalTopic").asString()).isEqualTo(TestWidgets.TOPIC);
        assertThat(deadLetter.path("status").asString()).isEqualTo("OPEN");
        // reported on ops.events by the consumer's platform too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                getJson(api + "/events?type=ops.DeadLetterRecorded.v1&limit=500").valueStream()
                        .map(e -> e.path("data").path("eventId").asString())).contains(eventId));
        // and the consumer group moved past it: the lag measured by ops-monitor shows the partition caught up
        int partition = deadLetter.path("originalPartition").asInt();
        long offset = deadLetter.path("originalOffset").asLong();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode widgets = partitionLag(getJson(api + "/lag"), "ops-monitor", TestWidgets.TOPIC, partition);
            assertThat(widgets).as("lag of ops-monitor on " + TestWidgets.TOPIC).isNotNull();
            assertThat(widgets.path("committed").asLong()).isGreaterThan(offset);
            assertThat(widgets.path("lag").asLong()).isZero();
        });

        // inspected: headers and payload, personal data masked
        JsonNode inspection = getJson(api + "/dead-letters/" + id);
        assertThat(inspection.path("available").asBoolean()).isTrue();
        assertThat(inspection.path("headers").path("x-dlq-reason").asString()).isEqualTo(deadLetter.path("reason").asString());
        assertThat(inspection.path("headers").path("ce_id").asString()).isEqualTo(eventId);
        assertThat(inspection.path("payload").path("widgetId").asString()).isEqualTo(widgetId);
        assertThat(inspection.path("payload").path("colour").asString()).isEqualTo("ultraviolet");
        assertThat(inspection.path("payload").path("ownerName").asString()).isEqualTo("***");
        assertThat(inspection.path("payload").path("contact").asString()).isEqualTo("***");
        assertThat(inspection.toString()).doesNotContain("Alex Example", "alex@example.org", "07700 900123", "ME14 1XX");

        // nobody may act anonymously
        assertThat(post(api + "/dead-letters/" + id + "/replay", null, "{}").statusCode()).isEqualTo(401);
        assertThat(processed(widgetId)).isZero();

        // the fix is deployed; replayed once, processed once
        TestWidgets.rejectUltraviolet.set(false);
        HttpResponse<String> replayed = post(api + "/dead-letters/" + id + "/replay", OpsFixtures.OPS, "{\"note\":\"colour list updated\"}");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(OpsFixtures.JSON.readTree(replayed.body()).path("status").asString()).isEqualTo("REPLAYED");
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(widgetId) == 1);

        HttpResponse<String> again = post(api + "/dead-letters/" + id + "/replay", OpsFixtures.OPS, "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));

        // the same record delivered once more (as a second replay would have) changes nothing: ce_id is deduplicated
        TopicRecords.send(poison);
        String marker = "w-" + UUID.randomUUID();
        TopicRecords.send(OpsFixtures.widget(UUID.randomUUID().toString(), widgetId, """
                {"widgetId":"%s","colour":"red"}""".formatted(marker)));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker) == 1); // same key, same partition: after it
        assertThat(processed(widgetId)).isEqualTo(1);

        JsonNode audit = getJson(api + "/audit?deadLetterId=" + id);
        assertThat(audit.valueStream().map(a -> a.path("action").asString() + " " + a.path("outcome").asString() + " "
                + a.path("operator").asString())).containsExactly("REPLAY REFUSED ops", "REPLAY DONE ops", "INSPECT DONE ops");
        assertThat(audit.get(1).path("note").asString()).isEqualTo("colour list updated");
        assertThat(audit.get(1).path("at").asString()).isNotBlank();
    }

    @Test
    void aDeadLetterIsParkedWithANoteOnceAndTheAuditTrailSaysWhoDidIt() throws Exception {
        String api = "http://127.0.0.1:" + port + "/api/ops";
        String eventId = UUID.randomUUID().toString();
        TopicRecords.send(OpsFixtures.deadLetter("referrals.referral.events.victims.dlq", "referrals.referral.events", eventId,
                "malformed JSON (line 1, column 15)", "{\"referralId\":\"r-1\",\"subject\":{\"name\":\"Sam Sample\""));
        String id = awaitDeadLetterId(api, eventId);

        JsonNode inspection = getJson(api + "/dead-letters/" + id);
        assertThat(inspection.path("payload").isNull() || inspection.path("payload").isMissingNode()).isTrue();
        assertThat(inspection.path("payloadText").asString()).contains("\"referralId\":").doesNotContain("Sam Sample", "r-1");

        assertThat(post(api + "/dead-letters/" + id + "/park", OpsFixtures.OPS, "{}").statusCode())
                .as("a note is required to park").isEqualTo(422);
        HttpResponse<String> parked = post(api + "/dead-letters/" + id + "/park", OpsFixtures.OPS,
                "{\"note\":\"test record from the supplier, not to be processed\"}");
        assertThat(parked.statusCode()).as(parked.body()).isEqualTo(200);
        assertThat(OpsFixtures.JSON.readTree(parked.body()).path("status").asString()).isEqualTo("PARKED");
        assertThat(post(api + "/dead-letters/" + id + "/park", OpsFixtures.OPS, "{\"note\":\"again\"}").statusCode()).isEqualTo(409);
        assertThat(getJson(api + "/dead-letters?status=parked&limit=500").valueStream()
                .map(d -> d.path("id").asString())).contains(id);
        assertThat(OpsFixtures.get(api + "/dead-letters/no-such-id").statusCode()).isEqualTo(404);

        JsonNode audit = getJson(api + "/audit?deadLetterId=" + id);
        assertThat(audit.valueStream().map(a -> a.path("action").asString() + " " + a.path("outcome").asString()))
                .containsExactly("PARK REFUSED", "PARK DONE", "INSPECT DONE");
        assertThat(audit.get(1).path("operator").asString()).isEqualTo(OpsFixtures.OPS);
        // append-only: the audit is a collection of inserts, one per action (an inspection is one)
        assertThat(mongo.getCollection("ops_audit").countDocuments(new Document("deadLetterId", id))).isEqualTo(3);
    }

    @Test
    void inspectionShowsOnlyTheFieldsItsEventTypeAllowsAndIsAudited() throws Exception {
        String api = "http://127.0.0.1:" + port + "/api/ops";
        String eventId = UUID.randomUUID().toString();
        String pseudonym = "9f".repeat(32);
        TopicRecords.send(OpsFixtures.deadLetter("referrals.referral.events.victims.dlq", "referrals.referral.events", eventId,
                "field 'pathway' has a value this consumer does not know", """
                {"referralId":"r-allowed","district":"swale","pathway":"moon-base","subjectPseudonym":"%s",
                 "vulnerabilities":["intimidated","repeat-victim"],"extra":{"freeText":"she said he follows her","count":3}}"""
                        .formatted(pseudonym)));
        String id = awaitDeadLetterId(api, eventId);

        JsonNode payload = getJson(api + "/dead-letters/" + id).path("payload");

        assertThat(payload.path("referralId").asString()).isEqualTo("r-allowed");
        assertThat(payload.path("district").asString()).isEqualTo("swale");
        assertThat(payload.path("pathway").asString()).isEqualTo("moon-base");
        assertThat(payload.path("subjectPseudonym").asString()).isEqualTo("***");
        assertThat(payload.path("vulnerabilities").valueStream().map(JsonNode::asString)).containsExactly("***", "***");
        assertThat(payload.path("extra").path("freeText").asString()).isEqualTo("***");
        assertThat(payload.toString()).doesNotContain(pseudonym, "intimidated", "follows");
        assertThat(getJson(api + "/audit?deadLetterId=" + id).valueStream().map(a -> a.path("action").asString() + " "
                + a.path("outcome").asString() + " " + a.path("operator").asString())).containsExactly("INSPECT DONE ops");
    }

    @Test
    void aReplayGoesToTheTopicTheDeadLetterTopicIsNamedForWhateverItsHeaderSays() throws Exception {
        String api = "http://127.0.0.1:" + port + "/api/ops";
        String eventId = UUID.randomUUID().toString();
        // the header names another service's topic: a forged or mistaken header must not choose where it goes
        TopicRecords.send(OpsFixtures.deadLetter("referrals.referral.events.victims.dlq", "commissioning.contract.events", eventId,
                "malformed JSON (line 1, column 2)", "{\"referralId\":\"r-forged\"}"));
        String id = awaitDeadLetterId(api, eventId);

        HttpResponse<String> replayed = post(api + "/dead-letters/" + id + "/replay", OpsFixtures.OPS, "{}");

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        TopicRecords.awaitRecord("referrals.referral.events", TopicRecords.headerEquals("ce_id", eventId));
        assertThat(TopicRecords.matching("commissioning.contract.events", TopicRecords.headerEquals("ce_id", eventId))).isEmpty();
        assertThat(getJson(api + "/audit?deadLetterId=" + id).get(0).path("detail").asString())
                .isEqualTo("re-published to referrals.referral.events");
    }

    @Test
    void aDeadLetterWhoseEventTypeDoesNotBelongOnItsSourceTopicIsNotReplayed() throws Exception {
        String api = "http://127.0.0.1:" + port + "/api/ops";
        String eventId = UUID.randomUUID().toString();
        // a referrals event on commissioning's dead-letter topic: replaying it would put it on commissioning's topic
        TopicRecords.send(OpsFixtures.deadLetter("commissioning.contract.events.victims.dlq", "commissioning.contract.events", eventId,
                "malformed JSON (line 1, column 2)", "{\"referralId\":\"r-misplaced\"}"));
        String id = awaitDeadLetterId(api, eventId);

        HttpResponse<String> refused = post(api + "/dead-letters/" + id + "/replay", OpsFixtures.OPS, "{}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("referrals.ReferralRouted.v1").contains("commissioning.contract.events");
        assertThat(TopicRecords.matching("commissioning.contract.events", TopicRecords.headerEquals("ce_id", eventId))).isEmpty();
        assertThat(getJson(api + "/audit?deadLetterId=" + id).valueStream().map(a -> a.path("action").asString() + " "
                + a.path("outcome").asString())).containsExactly("REPLAY REFUSED");
        assertThat(getJson(api + "/dead-letters/" + id).path("deadLetter").path("status").asString()).isEqualTo("OPEN");
    }

    /** Both compacted feeds: the exact one (read by the partnership) and the PCC office's published one. */
    @ParameterizedTest
    @CsvSource({"commissioning.feed, partnership", "commissioning.pcc-feed, pcc-office"})
    void aDeadLetterOfACompactedFeedIsNotReplayedSinceAnOldSnapshotWouldReplaceANewerOne(String feed, String group) throws Exception {
        String api = "http://127.0.0.1:" + port + "/api/ops";
        String eventId = UUID.randomUUID().toString();
        TopicRecords.send(OpsFixtures.deadLetter(feed + "." + group + ".dlq", feed, eventId,
                "malformed JSON (line 1, column 2)", "{\"sequence\":7}"));
        String id = awaitDeadLetterId(api, eventId);

        HttpResponse<String> refused = post(api + "/dead-letters/" + id + "/replay", OpsFixtures.OPS, "{}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains(feed + " keeps the latest value per key", "park it");
        assertThat(TopicRecords.matching(feed, TopicRecords.headerEquals("ce_id", eventId))).isEmpty();
        assertThat(getJson(api + "/dead-letters/" + id).path("deadLetter").path("status").asString()).isEqualTo("OPEN");
        // parking it is still open to the operator
        assertThat(post(api + "/dead-letters/" + id + "/park", OpsFixtures.OPS, "{\"note\":\"feed: rebuilt instead\"}")
                .statusCode()).isEqualTo(200);
    }

    static String awaitDeadLetterId(String api, String eventId) {
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String match = null;
            for (JsonNode d : getJson(api + "/dead-letters?limit=500")) {
                if (eventId.equals(d.path("eventId").asString())) {
                    match = d.path("id").asString();
                }
            }
            assertThat(match).as("dead letter of " + eventId).isNotNull();
            id.set(match);
        });
        return id.get();
    }

    private long processed(String widgetId) {
        Document doc = mongo.getCollection(TestWidgets.COLLECTION).find(new Document("_id", widgetId)).first();
        return doc == null ? 0 : ((Number) doc.get("processed")).longValue();
    }

    static JsonNode partitionLag(JsonNode lag, String group, String topic, int partition) {
        for (JsonNode g : lag.path("groups")) {
            if (group.equals(g.path("group").asString())) {
                for (JsonNode p : g.path("partitions")) {
                    if (topic.equals(p.path("topic").asString()) && p.path("partition").asInt() == partition) {
                        return p;
                    }
                }
            }
        }
        return null;
    }
}
