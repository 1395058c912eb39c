package org.saferkent.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.saferkent.platform.messaging.MessagingTestApplication.TOPIC;
import static org.saferkent.platform.messaging.MessagingTestApplication.TYPE;
import static org.saferkent.platform.test.TopicRecords.header;
import static org.saferkent.platform.test.TopicRecords.headerEquals;

@SpringBootTest
@WithRealInfrastructure
/**
 * The platform's consumers through Spring Cloud Stream's Kafka binder on the real broker: each
 * {@link EventConsumer} is a function binding in its group, and the failure policy is the platform's.
 */
class EventConsumerBindingsIT {

    private static final String DLQ = Topics.deadLetterTopic(TOPIC, "messaging-test");

    @Autowired
    MongoTemplate mongo;
    @Autowired
    BindingService bindings;

    @Test
    void everyConsumerIsARunningBindingOfTheKafkaBinder() {
        assertThat(bindings.getConsumerBindingNames()).contains("incidents-in-0", "outageIncidents-in-0");
        Binding<?> incidents = bindings.getConsumerBindings("incidents-in-0").get(0);
        assertThat(incidents.getBinderType()).isEqualTo("kafka");
        assertThat(incidents.isRunning()).isTrue();
        assertThat(incidents.getName()).isEqualTo(TOPIC);
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        String district = "d-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        send(event(eventId, TYPE, "{\"incidentId\":\"i1\",\"district\":\"" + district + "\"}"));
        send(event(eventId, TYPE, "{\"incidentId\":\"i1\",\"district\":\"" + district + "\"}"));
        // a third, distinct event: once it is counted, both copies of the first were handled before it
        send(event(UUID.randomUUID().toString(), TYPE, "{\"incidentId\":\"i2\",\"district\":\"" + district + "\"}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> incidents(district) >= 2);
        assertThat(incidents(district)).isEqualTo(2);
    }

    @Test
    void aMalformedRecordIsDeadLetteredWithItsReasonReportedAndTheConsumerGoesOn() {
        String badId = UUID.randomUUID().toString();
        String district = "d-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> malformed = event(badId, TYPE, "{\"incidentId\": \"i3\", \"district\": \"Jane Doe\"");
        send(malformed);
        send(event(UUID.randomUUID().toString(), TYPE, "{\"incidentId\":\"i4\",\"district\":\"" + district + "\"}"));

        ConsumerRecord<String, byte[]> deadLetter = TopicRecords.awaitRecord(DLQ, headerEquals(CloudEventHeaders.ID, badId));
        assertThat(header(deadLetter, DeadLetterHeaders.FAILURE)).isEqualTo("INVALID");
        assertThat(header(deadLetter, DeadLetterHeaders.REASON)).startsWith("malformed JSON").doesNotContain("Jane Doe");
        assertThat(header(deadLetter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        assertThat(header(deadLetter, DeadLetterHeaders.ORIGINAL_OFFSET)).isNotBlank();
        assertThat(deadLetter.value()).isEqualTo(malformed.value());
        assertThat(deadLetter.key()).isEqualTo(malformed.key());
        // header-exact: the record's own headers and the platform's dead-letter headers, nothing from the binder
        Set<String> expected = new TreeSet<>();
        malformed.headers().forEach(h -> expected.add(h.key()));
        expected.addAll(Set.of(DeadLetterHeaders.REASON, DeadLetterHeaders.FAILURE, DeadLetterHeaders.EXCEPTION,
                DeadLetterHeaders.ORIGINAL_TOPIC, DeadLetterHeaders.ORIGINAL_PARTITION, DeadLetterHeaders.ORIGINAL_OFFSET,
                DeadLetterHeaders.GROUP, DeadLetterHeaders.SERVICE, DeadLetterHeaders.FAILED_AT));
        Set<String> actual = new TreeSet<>();
        deadLetter.headers().forEach(h -> actual.add(h.key()));
        assertThat(actual).isEqualTo(expected);
        assertThat(header(deadLetter, DeadLetterHeaders.GROUP)).isEqualTo("messaging-test");

        ConsumerRecord<String, byte[]> opsEvent = TopicRecords.awaitRecord(Topics.OPS_EVENTS,
                record -> TopicRecords.value(record).contains(badId));
        assertThat(header(opsEvent, CloudEventHeaders.TYPE)).isEqualTo("ops.DeadLetterRecorded.v1");
        assertThat(TopicRecords.value(opsEvent)).contains("\"deadLetterTopic\":\"" + DLQ + "\"", "\"failure\":\"INVALID\"")
                .doesNotContain("Jane Doe");

        await().atMost(Duration.ofSeconds(30)).until(() -> incidents(district) == 1);
    }

    @Test
    void aRecordWithoutTheEnvelopeIsDeadLettered() {
        String key = UUID.randomUUID().toString();
        send(new ProducerRecord<>(TOPIC, key, "{}".getBytes(StandardCharsets.UTF_8)));

        ConsumerRecord<String, byte[]> deadLetter = TopicRecords.awaitRecord(DLQ, record -> key.equals(record.key()));
        assertThat(header(deadLetter, DeadLetterHeaders.REASON)).startsWith("missing header ce_");
    }

    @Test
    void aPayloadMissingARequiredFieldIsDeadLetteredNamingTheField() {
        String badId = UUID.randomUUID().toString();
        send(event(badId, TYPE, "{\"incidentId\":\"i5\"}"));

        ConsumerRecord<String, byte[]> deadLetter = TopicRecords.awaitRecord(DLQ, headerEquals(CloudEventHeaders.ID, badId));
        assertThat(header(deadLetter, DeadLetterHeaders.REASON)).isEqualTo("missing field 'district'");
    }

    @Test
    void aTransientFailureIsRetriedAndThenSucceeds() {
        MessagingTestApplication.transientFailuresLeft.set(1);
        send(event(UUID.randomUUID().toString(), TYPE, "{\"incidentId\":\"i6\",\"district\":\"flaky\"}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> incidents("flaky") == 1);
    }

    @Test
    void aFailureThatOutlastsTheRetriesIsDeadLetteredAsTransient() {
        String eventId = UUID.randomUUID().toString();
        send(event(eventId, TYPE, "{\"incidentId\":\"i7\",\"district\":\"unreachable\"}"));

        ConsumerRecord<String, byte[]> deadLetter = TopicRecords.awaitRecord(DLQ, headerEquals(CloudEventHeaders.ID, eventId));
        assertThat(header(deadLetter, DeadLetterHeaders.FAILURE)).isEqualTo("TRANSIENT");
        assertThat(header(deadLetter, DeadLetterHeaders.REASON)).isEqualTo("still failing after retries: IllegalStateException");
    }

    @Test
    void eventTypesNobodySubscribedToAreSkipped() {
        String district = "d-" + UUID.randomUUID();
        String unknownId = UUID.randomUUID().toString();
        send(event(unknownId, "messagingtest.SomethingElseHappened.v1", "not even json"));
        send(event(UUID.randomUUID().toString(), TYPE, "{\"incidentId\":\"i8\",\"district\":\"" + district + "\"}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> incidents(district) == 1);
        assertThat(TopicRecords.matching(DLQ, headerEquals(CloudEventHeaders.ID, unknownId))).isEmpty();
    }

    private long incidents(String district) {
        Document doc = mongo.getCollection("district_counts").find(new Document("_id", district)).first();
        return doc == null ? 0 : ((Number) doc.get("incidents")).longValue();
    }

    private static ProducerRecord<String, byte[]> event(String id, String type, String json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, "incident-key", json.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(new EventMetadata(id, type, "/saferkent/test-producer", "incident-key", Instant.now(),
                "corr-" + id, id, 1, null), record.headers());
        return record;
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        TopicRecords.send(record);
    }
}
