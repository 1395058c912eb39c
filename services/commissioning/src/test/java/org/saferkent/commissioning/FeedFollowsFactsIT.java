package org.saferkent.commissioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.commissioning.PartnershipEvents.routed;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.TopicRecords;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;

/**
 * A fact written here reaches the PCC office's feeds (the compacted topic and the HTTP cursor feed)
 * without waiting for the periodic sweep: this instance sweeps only every ten minutes, far beyond
 * the wait. A service of its own (its own database and consumer group), so that no other instance's
 * rounds publish for it; closed after. Works in 2038.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "spring.config.name=commissioning",
        "spring.mongodb.database=commissioning-wake",
        "saferkent.messaging.group=commissioning-wake",
        "saferkent.commissioning.performance.refresh-interval=10m"})
@DirtiesContext
@Order(1)
class FeedFollowsFactsIT extends CommissioningIntegrationTest {

    @Test
    void aFactChangeReachesTheFeedsWithoutWaitingForTheSweep() throws Exception {
        String contractId = register(contract("Victim Support", List.of("victim-support"), List.of("sevenoaks"),
                "2038-01-01", "2038-12-31", "100000", "[]"));
        String key = contractId + "|sevenoaks|2038-Q2";

        publish(routed(newId(), "sevenoaks", "victim-support", Instant.parse("2038-05-01T10:00:00Z")));
        long first = awaitOnTheFeeds(key, 1);
        // the run at start was long over: this one too is woken by the fact written
        publish(routed(newId(), "sevenoaks", "victim-support", Instant.parse("2038-05-02T10:00:00Z")));
        long second = awaitOnTheFeeds(key, 2);

        assertThat(second).as("a new change, numbered after the first").isGreaterThan(first);
    }

    /**
     * Waits until the topic's latest record for the cell counts {@code routed} (exact: read inside the partnership),
     * and checks the HTTP feed has that change, as the PCC's office may see it; @return its sequence
     */
    private long awaitOnTheFeeds(String key, long routed) throws Exception {
        Awaitility.await().atMost(WAIT).until(() -> latestOnTopic(key)
                .filter(entry -> entry.path("performance").path("counts").path("referralsRouted").asLong() == routed).isPresent());
        JsonNode onTopic = latestOnTopic(key).orElseThrow();
        JsonNode page = JSON.readTree(get("/api/commissioning/feed?after=" + (onTopic.path("sequence").asLong() - 1) + "&limit=1").body());
        JsonNode entry = page.path("items").path(0);
        assertThat(entry.path("key").asString()).isEqualTo(key);
        // the PCC's office is shown the change too, under disclosure control: a count from 1 to 4 as suppressed
        if (routed < 5) {
            assertThat(entry.path("performance").path("counts").path("referralsRouted").isNull()).isTrue();
            assertThat(entry.path("performance").path("suppressed").path("referralsRouted").asString()).isEqualTo("primary");
        } else {
            assertThat(entry.path("performance").path("counts").path("referralsRouted").asLong()).isEqualTo(routed);
        }
        return entry.path("sequence").asLong();
    }

    private static Optional<JsonNode> latestOnTopic(String key) {
        List<ConsumerRecord<String, byte[]>> records = records(FEED_TOPIC, keyed(key));
        if (records.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(JSON.readTree(TopicRecords.value(records.get(records.size() - 1))));
    }
}
