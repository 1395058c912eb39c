package org.saferkent.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.test.ConsumerBindings;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.saferkent.platform.messaging.MessagingTestApplication.BATCH_TOPIC;
import static org.saferkent.platform.messaging.MessagingTestApplication.TYPE;
import static org.saferkent.platform.test.TopicRecords.header;
import static org.saferkent.platform.test.TopicRecords.headerEquals;

@SpringBootTest
@WithRealInfrastructure
/**
 * {@link EventBatchConsumer} on the Kafka binder in batch mode, on the real broker and store: the failure
 * policy of single records holds record by record. The binding is stopped while a test publishes, so
 * that one poll (one batch) holds all its records.
 */
class EventBatchConsumerIT {

    private static final String DLQ = Topics.deadLetterTopic(BATCH_TOPIC, "messaging-test");

    @Autowired
    MongoTemplate mongo;
    @Autowired
    BindingService bindings;

    @Test
    void aPoisonRecordInABatchIsDeadLetteredAloneAndTheRestOfTheBatchIsAppliedOnce() {
        String district = "d-" + UUID.randomUUID();
        String malformedId = UUID.randomUUID().toString();
        String invalidId = UUID.randomUUID().toString();
        String repeatedId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> malformed = event(malformedId, "{\"incidentId\": \"b2\", \"district\": \"Jane Doe\"");
        whileStopped(() -> {
            TopicRecords.send(event(repeatedId, "{\"incidentId\":\"b1\",\"district\":\"" + district + "\"}"));
            TopicRecords.send(malformed);
            TopicRecords.send(event(UUID.randomUUID().toString(), "{\"incidentId\":\"b3\",\"district\":\"" + district + "\"}"));
            TopicRecords.send(event(invalidId, "{\"incidentId\":\"b4\"}"));
            TopicRecords.send(event(repeatedId, "{\"incidentId\":\"b1\",\"district\":\"" + district + "\"}")); // redelivered
            TopicRecords.send(event(UUID.randomUUID().toString(), "{\"incidentId\":\"b5\",\"district\":\"" + district + "\"}"));
        });

        ConsumerRecord<String, byte[]> deadLetter = TopicRecords.awaitRecord(DLQ, headerEquals(CloudEventHeaders.ID, malformedId));
        assertThat(header(deadLetter, DeadLetterHeaders.FAILURE)).isEqualTo("INVALID");
        assertThat(header(deadLetter, DeadLetterHeaders.REASON)).startsWith("malformed JSON").doesNotContain("Jane Doe");
        assertThat(header(deadLetter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(BATCH_TOPIC);
        assertThat(deadLetter.value()).isEqualTo(malformed.value());
        ConsumerRecord<String, byte[]> invalid = TopicRecords.awaitRecord(DLQ, headerEquals(CloudEventHeaders.ID, invalidId));
        assertThat(header(invalid, DeadLetterHeaders.REASON)).isEqualTo("missing field 'district'");
        ConsumerRecord<String, byte[]> reported = TopicRecords.awaitRecord(Topics.OPS_EVENTS,
                record -> TopicRecords.value(record).contains(malformedId));
        assertThat(header(reported, CloudEventHeaders.TYPE)).isEqualTo("ops.DeadLetterRecorded.v1");

        await().atMost(Duration.ofSeconds(30)).until(() -> incidents(district) >= 3);
        // a later record on the same partition: once it is counted, the whole batch was handled before it
        String sentinel = "s-" + UUID.randomUUID();
        TopicRecords.send(event(UUID.randomUUID().toString(), "{\"incidentId\":\"b6\",\"district\":\"" + sentinel + "\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> incidents(sentinel) == 1);
        assertThat(incidents(district)).as("three distinct good events, the repeated one once").isEqualTo(3);
        assertThat(TopicRecords.matching(DLQ, record -> district.equals(districtOf(record)))).isEmpty();
    }

    @Test
    void aFollowUpThatFailsIsDeadLetteredAloneAndTheRestOfTheBatchIsFollowedUpOnce() {
        String district = "f-" + UUID.randomUUID();
        String before = "before-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();
        String failingId = UUID.randomUUID().toString();
        whileStopped(() -> {
            TopicRecords.send(event(UUID.randomUUID().toString(), "{\"incidentId\":\"" + before + "\",\"district\":\"" + district + "\"}"));
            TopicRecords.send(event(failingId, "{\"incidentId\":\"unfollowable-" + UUID.randomUUID() + "\",\"district\":\"" + district + "\"}"));
            TopicRecords.send(event(UUID.randomUUID().toString(), "{\"incidentId\":\"" + after + "\",\"district\":\"" + district + "\"}"));
        });

        ConsumerRecord<String, byte[]> deadLetter = TopicRecords.awaitRecord(DLQ, headerEquals(CloudEventHeaders.ID, failingId));
        assertThat(header(deadLetter, DeadLetterHeaders.REASON)).isEqualTo("still failing after retries: IllegalArgumentException");
        await().atMost(Duration.ofSeconds(30)).until(() -> MessagingTestApplication.followedUp.containsKey(after));
        assertThat(MessagingTestApplication.followedUp.get(before)).as("followed up once, before the failure").hasValue(1);
        assertThat(MessagingTestApplication.followedUp.get(after)).as("followed up once, after it was set aside").hasValue(1);
        assertThat(incidents(district)).as("the batch's write held every staged event, each once").isEqualTo(3);
        assertThat(TopicRecords.matching(DLQ, record -> district.equals(districtOf(record)))).hasSize(1);
    }

    @Test
    void aFailedBatchWriteIsRetriedAndThenApplied() {
        MessagingTestApplication.batchWriteFailuresLeft.set(1);
        TopicRecords.send(event(UUID.randomUUID().toString(), "{\"incidentId\":\"b7\",\"district\":\"batch-flaky\"}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> incidents("batch-flaky") == 1);
    }

    @Test
    void aBatchWriteFailureThatOutlastsTheRetriesIsDeadLetteredAsTransient() {
        String eventId = UUID.randomUUID().toString();
        TopicRecords.send(event(eventId, "{\"incidentId\":\"b8\",\"district\":\"batch-unreachable\"}"));

        ConsumerRecord<String, byte[]> deadLetter = TopicRecords.awaitRecord(DLQ, headerEquals(CloudEventHeaders.ID, eventId));
        assertThat(header(deadLetter, DeadLetterHeaders.FAILURE)).isEqualTo("TRANSIENT");
        assertThat(header(deadLetter, DeadLetterHeaders.REASON)).isEqualTo("still failing after retries: IllegalStateException");
    }

    private void whileStopped(Runnable work) {
        ConsumerBindings.whileStopped(bindings, work, "batchIncidents-in-0");
    }

    private long incidents(String district) {
        Document doc = mongo.getCollection("district_counts").find(new Document("_id", district)).first();
        return doc == null ? 0 : ((Number) doc.get("incidents")).longValue();
    }

    private static String districtOf(ConsumerRecord<String, byte[]> record) {
        String value = TopicRecords.value(record);
        return value == null || !value.contains("\"district\":\"") ? null
                : value.substring(value.indexOf("\"district\":\"") + 12, value.indexOf('"', value.indexOf("\"district\":\"") + 12));
    }

    private static ProducerRecord<String, byte[]> event(String id, String json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(BATCH_TOPIC, "incident-key", json.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(new EventMetadata(id, TYPE, "/saferkent/test-producer", "incident-key", Instant.now(),
                "corr-" + id, id, 1, null), record.headers());
        return record;
    }
}
