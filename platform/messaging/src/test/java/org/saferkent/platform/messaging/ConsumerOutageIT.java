package org.saferkent.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.test.EventCatalogue;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.saferkent.platform.messaging.MessagingTestApplication.OUTAGE_TOPIC;
import static org.saferkent.platform.messaging.MessagingTestApplication.TYPE;
import static org.saferkent.platform.test.TopicRecords.header;
import static org.saferkent.platform.test.TopicRecords.headerEquals;

/**
 * A consumer whose store is down for longer than the retries of an ordinary failure last is held up,
 * not dead-lettered: it says so on ops.events once, and when the store is back every record it was
 * holding is applied exactly once and it says it resumed.
 */
@SpringBootTest
@WithRealInfrastructure
class ConsumerOutageIT {

    private static final String DLQ = Topics.deadLetterTopic(OUTAGE_TOPIC, "messaging-test");
    private static final String SUBJECT = "messaging-test/" + OUTAGE_TOPIC;
    /** Tries of one record beyond what an ordinary failure gets (retry-attempts 2: three tries, then the dead-letter topic). */
    private static final int MORE_THAN_ORDINARY_TRIES = 6;

    @Autowired
    OutageStore store;

    @Test
    void recordsHeldUpByAStoreOutageAreNotDeadLetteredAndAreAppliedOnceWhenItIsBack() {
        String district = "d-" + UUID.randomUUID();
        long since = System.currentTimeMillis();
        store.stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                send(id, district);
            }
            // the first record is tried again and again, well past the ordinary retries, and the outage is reported
            await().atMost(Duration.ofSeconds(60)).until(() -> attempts(ids.get(0)) >= MORE_THAN_ORDINARY_TRIES);
            ConsumerRecord<String, byte[]> paused = TopicRecords.awaitRecord(Topics.OPS_EVENTS,
                    r -> "ops.ConsumerPaused.v1".equals(header(r, CloudEventHeaders.TYPE)) && SUBJECT.equals(r.key())
                            && r.timestamp() >= since);
            assertThat(EventCatalogue.violations(paused)).isEmpty();
            assertThat(TopicRecords.value(paused)).contains("\"topic\":\"" + OUTAGE_TOPIC + "\"",
                    "\"consumerGroup\":\"messaging-test\"", "\"reason\":\"com.mongodb.").doesNotContain(district);
        } finally {
            store.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> incidents(district) == ids.size());
        Document counted = store.mongo().getCollection("district_counts").find(new Document("_id", district)).first();
        assertThat(counted.getList(IdempotentWrites.APPLIED_EVENTS, String.class)).containsExactlyElementsOf(ids);

        ConsumerRecord<String, byte[]> resumed = TopicRecords.awaitRecord(Topics.OPS_EVENTS,
                r -> "ops.ConsumerResumed.v1".equals(header(r, CloudEventHeaders.TYPE)) && SUBJECT.equals(r.key())
                        && r.timestamp() >= since);
        assertThat(EventCatalogue.violations(resumed)).isEmpty();
        for (String id : ids) {
            assertThat(TopicRecords.matching(DLQ, headerEquals(CloudEventHeaders.ID, id))).as(id).isEmpty();
        }
        // once per outage, however many tries it took
        assertThat(TopicRecords.matching(Topics.OPS_EVENTS, r -> "ops.ConsumerPaused.v1".equals(header(r, CloudEventHeaders.TYPE))
                && SUBJECT.equals(r.key()) && r.timestamp() >= since)).hasSize(1);
        assertThat(incidents(district)).isEqualTo(ids.size());
    }

    private long incidents(String district) {
        try {
            Document doc = store.mongo().getCollection("district_counts").find(new Document("_id", district)).first();
            return doc == null ? 0 : ((Number) doc.get("incidents")).longValue();
        } catch (RuntimeException storeNotBackYet) {
            return -1;
        }
    }

    private static int attempts(String eventId) {
        AtomicInteger attempts = MessagingTestApplication.outageAttempts.get(eventId);
        return attempts == null ? 0 : attempts.get();
    }

    private static void send(String id, String district) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(OUTAGE_TOPIC, district,
                ("{\"incidentId\":\"" + id + "\",\"district\":\"" + district + "\"}").getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(new EventMetadata(id, TYPE, "/saferkent/test-producer", district, Instant.now(),
                "corr-" + id, id, 1, null), record.headers());
        TopicRecords.send(record);
    }
}
