package org.saferkent.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.saferkent.ops.OpsFixtures.getJson;
import static org.saferkent.ops.OpsFixtures.post;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.messaging.ops.ConsumerPaused;
import org.saferkent.platform.messaging.ops.OpsEvents;
import org.saferkent.platform.messaging.ops.SlaBreached;
import org.saferkent.platform.test.StoreScans;
import org.saferkent.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Flat cost as the data grows: recording ops events and dead letters, the filtered lists operators read
 * (events of a type, dead letters by status, a trace, a dead letter's audit), and parking a dead letter
 * read no collection of ops-monitor's whole: each query is served by an index the service declares
 * (embedded store: counted by the store; MongoDB: the profiler's COLLSCAN plans). The unfiltered lists
 * and the picture are not driven here: the embedded store reads those collections whole (see
 * {@code OperationalPicture}).
 */
@OpsMonitorTest
class OpsQueriesUseIndexesIT {

    @LocalServerPort
    int port;
    @Autowired
    OpsEvents ops;

    @Test
    void recordingAndTheFilteredListsReadNoCollectionWhole() throws Exception {
        String api = "http://127.0.0.1:" + port + "/api/ops";
        StoreScans.Mark mark = StoreScans.mark("ops-monitor");

        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        String subject = "vc-" + UUID.randomUUID();
        ops.publish(subject, new SlaBreached(service, "victims-code-first-contact", "victim-case", subject, "dover",
                Instant.now().minusSeconds(3600), Instant.now()));
        ops.publish(service + "/topic", new ConsumerPaused(service, "i-1", service + "-group", "some.topic",
                "java.net.ConnectException", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                getJson(api + "/events?type=ops.SlaBreached.v1&limit=500").valueStream()
                        .map(e -> e.path("subject").asString())).contains(subject));

        String eventId = UUID.randomUUID().toString();
        TopicRecords.send(OpsFixtures.deadLetter("referrals.referral.events.victims.dlq", "referrals.referral.events", eventId,
                "malformed JSON (line 1, column 15)", "{\"referralId\":"));
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String match = null;
            for (JsonNode d : getJson(api + "/dead-letters?status=open&limit=500")) {
                if (eventId.equals(d.path("eventId").asString())) {
                    match = d.path("id").asString();
                }
            }
            assertThat(match).as("open dead letter of " + eventId).isNotNull();
            id.set(match);
        });
        assertThat(post(api + "/dead-letters/" + id.get() + "/park", OpsFixtures.OPS, "{\"note\":\"a test record\"}")
                .statusCode()).isEqualTo(200);
        assertThat(getJson(api + "/dead-letters?status=parked&limit=500").valueStream().map(d -> d.path("id").asString()))
                .contains(id.get());
        assertThat(getJson(api + "/dead-letters?status=open&limit=500").valueStream().map(d -> d.path("id").asString()))
                .doesNotContain(id.get());
        assertThat(getJson(api + "/audit?deadLetterId=" + id.get())).hasSize(1);
        assertThat(getJson(api + "/trace/" + "ab".repeat(16)).path("traceId").asString()).isEqualTo("ab".repeat(16));

        assertThat(StoreScans.since(mark)).as("collection scans of ops-monitor's collections, by query shape").isEmpty();
    }
}
