package org.saferkent.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.saferkent.ops.OpsFixtures.getJson;
import static org.saferkent.ops.OpsFixtures.post;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.saferkent.ops.deadletters.DeadLetterActions;
import org.saferkent.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * A replay killed between its claim and its end leaves the dead letter in REPLAYING. The state such a crash
 * leaves is written into the real store here; then the real API, broker and consumer act on it. A lapsed
 * claim (older than the 2 minute timeout) is taken again by replay and park, and returned to OPEN by the
 * periodic check; a claim still running is refused as before.
 */
@OpsMonitorTest
class DeadLetterClaimsIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    DeadLetterActions actions;

    @AfterEach
    void defectBack() {
        TestWidgets.rejectUltraviolet.set(true);
    }

    @Test
    void aReplayCutShortCanBeReplayedOnceItsClaimLapsesAndTheRecordIsProcessedOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String widgetId = "w-" + UUID.randomUUID();
        TopicRecords.send(OpsFixtures.widget(eventId, widgetId, """
                {"widgetId":"%s","colour":"ultraviolet"}""".formatted(widgetId)));
        String id = DeadLettersIT.awaitDeadLetterId(api(), eventId);
        leftReplaying(id, Instant.now().minus(10, ChronoUnit.MINUTES), true);
        assertThat(deadLetter(id).path("status").asString()).isEqualTo("REPLAYING");

        TestWidgets.rejectUltraviolet.set(false);
        HttpResponse<String> replayed = post(api() + "/dead-letters/" + id + "/replay", OpsFixtures.OPS, "{\"note\":\"after the crash\"}");

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        JsonNode after = OpsFixtures.JSON.readTree(replayed.body());
        assertThat(after.path("status").asString()).isEqualTo("REPLAYED");
        assertThat(after.path("statusBy").asString()).isEqualTo(OpsFixtures.OPS);
        assertThat(after.path("claimExpiresAt").isNull() || after.path("claimExpiresAt").isMissingNode()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(widgetId) == 1);
        assertThat(post(api() + "/dead-letters/" + id + "/replay", OpsFixtures.OPS, "{}").statusCode())
                .as("replayed: at most once").isEqualTo(409);
        assertThat(audit(id)).containsExactly("REPLAY REFUSED ops", "REPLAY DONE ops");
    }

    @Test
    void aLapsedClaimCanBeParkedEvenOneWrittenBeforeClaimsHadAnExpiry() throws Exception {
        String id = someDeadLetter();
        leftReplaying(id, Instant.now().minus(3, ChronoUnit.MINUTES), false); // statusAt only, as earlier versions wrote it

        HttpResponse<String> parked = post(api() + "/dead-letters/" + id + "/park", OpsFixtures.OPS,
                "{\"note\":\"the replay died with the old instance; not to be processed\"}");

        assertThat(parked.statusCode()).as(parked.body()).isEqualTo(200);
        assertThat(OpsFixtures.JSON.readTree(parked.body()).path("status").asString()).isEqualTo("PARKED");
        assertThat(deadLetter(id).path("status").asString()).isEqualTo("PARKED");
        assertThat(audit(id)).containsExactly("PARK DONE ops");
    }

    @Test
    void aClaimStillRunningIsRefusedToReplayAndToParkAndSaysWhoHoldsItUntilWhen() throws Exception {
        String id = someDeadLetter();
        Instant claimedAt = Instant.now().minus(20, ChronoUnit.SECONDS);
        leftReplaying(id, claimedAt, true);

        HttpResponse<String> replay = post(api() + "/dead-letters/" + id + "/replay", OpsFixtures.OPS, "{}");
        HttpResponse<String> park = post(api() + "/dead-letters/" + id + "/park", OpsFixtures.OPS, "{\"note\":\"give up\"}");

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(409);
        assertThat(replay.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(OpsFixtures.JSON.readTree(replay.body()).path("detail").asString()).contains("being replayed by ops-crashed");
        assertThat(park.statusCode()).as(park.body()).isEqualTo(409);
        JsonNode shown = deadLetter(id);
        assertThat(shown.path("status").asString()).isEqualTo("REPLAYING");
        assertThat(shown.path("statusBy").asString()).isEqualTo("ops-crashed");
        assertThat(Instant.parse(shown.path("claimExpiresAt").asString())).isAfter(Instant.now());
        assertThat(audit(id)).containsExactly("PARK REFUSED ops", "REPLAY REFUSED ops");
    }

    @Test
    void theCheckReturnsLapsedClaimsToOpenWithAnAuditEntryAndLeavesRunningOnesAlone() throws Exception {
        String lapsed = someDeadLetter();
        String running = someDeadLetter();
        leftReplaying(lapsed, Instant.now().minus(5, ChronoUnit.MINUTES), true);
        leftReplaying(running, Instant.now(), true);

        actions.releaseLapsedClaims();

        JsonNode open = deadLetter(lapsed);
        assertThat(open.path("status").asString()).isEqualTo("OPEN");
        assertThat(open.path("statusBy").asString()).isEqualTo("ops-monitor");
        assertThat(open.path("statusNote").asString()).contains("ops-crashed", "did not finish");
        assertThat(audit(lapsed)).containsExactly("RECOVER DONE ops-monitor");
        assertThat(getJson(api() + "/dead-letters?status=open&limit=500").valueStream().map(d -> d.path("id").asString()))
                .contains(lapsed);
        assertThat(deadLetter(running).path("status").asString()).isEqualTo("REPLAYING");
        assertThat(audit(running)).isEmpty();
        // and it is an ordinary open dead letter again
        assertThat(post(api() + "/dead-letters/" + lapsed + "/park", OpsFixtures.OPS, "{\"note\":\"checked\"}").statusCode())
                .isEqualTo(200);
    }

    /** What a replay killed after its claim leaves in the store. */
    private void leftReplaying(String id, Instant claimedAt, boolean withExpiry) {
        Document set = new Document("status", "REPLAYING").append("statusAt", Date.from(claimedAt))
                .append("statusBy", "ops-crashed").append("statusNote", "replayed when the process was killed");
        if (withExpiry) {
            set.append("claimExpiresAt", Date.from(claimedAt.plus(2, ChronoUnit.MINUTES)));
        }
        assertThat(mongo.getCollection("dead_letters").updateOne(new Document("_id", id), new Document("$set", set))
                .getMatchedCount()).isEqualTo(1);
    }

    private String someDeadLetter() {
        String eventId = UUID.randomUUID().toString();
        TopicRecords.send(OpsFixtures.deadLetter("referrals.referral.events.victims.dlq", "referrals.referral.events", eventId,
                "malformed JSON (line 1, column 2)", "{\"referralId\":"));
        return DeadLettersIT.awaitDeadLetterId(api(), eventId);
    }

    private JsonNode deadLetter(String id) throws Exception {
        return getJson(api() + "/dead-letters/" + id).path("deadLetter");
    }

    private java.util.List<String> audit(String id) throws Exception {
        return getJson(api() + "/audit?deadLetterId=" + id).valueStream()
                .filter(a -> !"INSPECT".equals(a.path("action").asString())) // inspections: DeadLettersIT
                .map(a -> a.path("action").asString() + " " + a.path("outcome").asString() + " " + a.path("operator").asString())
                .toList();
    }

    private long processed(String widgetId) {
        Document doc = mongo.getCollection(TestWidgets.COLLECTION).find(new Document("_id", widgetId)).first();
        return doc == null ? 0 : ((Number) doc.get("processed")).longValue();
    }

    private String api() {
        return "http://127.0.0.1:" + port + "/api/ops";
    }
}
