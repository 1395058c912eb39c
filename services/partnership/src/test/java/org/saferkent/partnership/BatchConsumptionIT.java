package org.saferkent.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.platform.test.TopicRecords.header;
import static org.saferkent.platform.test.TopicRecords.headerEquals;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.partnership.assessment.application.StrategicAssessments;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.messaging.DeadLetterHeaders;
import org.saferkent.platform.test.ConsumerBindings;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The partnership's consumers take whole polls: a bad event in a batch is dead-lettered alone and the rest of its batch
 * is applied, each event once. The strategic assessment's binding is stopped while the events are published, so that
 * one poll holds them all. The same context as PartnershipIT (same properties).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"spring.config.name=partnership",
        "saferkent.partnership.dhr.scan-interval=1h", "saferkent.partnership.asb-case-review.district-thresholds.swale=2"})
@WithRealInfrastructure
class BatchConsumptionIT {

    private static final String REFERRALS = "referrals.referral.events";
    private static final String DLQ = Topics.deadLetterTopic(REFERRALS, "partnership");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private BindingService bindings;

    @Autowired
    private MongoTemplate mongo;

    @Test
    void badEventsInABatchAreDeadLetteredAloneAndTheRestOfItsBatchIsCountedOnce() {
        String first = newId();
        String second = newId();
        String outside = newId();
        ProducerRecord<String, byte[]> counted = received(first, "maidstone");
        ProducerRecord<String, byte[]> malformed = event(newId(), "referrals.ReferralReceived.v1",
                ("{\"referralId\":\"" + newId() + "\",\"district\":").getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> unknownDistrict = received(outside, "atlantis");
        ProducerRecord<String, byte[]> alsoCounted = received(second, "swale");
        ProducerRecord<String, byte[]> linked = event(first, "referrals.ReferralLinked.v1",
                PartnershipApi.JSON.writeValueAsBytes(Map.of("referralId", first, "linkedTo", second)));

        whileStopped("assessmentReferralEvents-in-0", () -> List.of(counted, malformed, unknownDistrict, alsoCounted, linked)
                .forEach(TopicRecords::send));

        ConsumerRecord<String, byte[]> unreadable = TopicRecords.awaitRecord(DLQ, headerEquals(CloudEventHeaders.ID, id(malformed)));
        assertThat(header(unreadable, DeadLetterHeaders.FAILURE)).isEqualTo("INVALID");
        assertThat(unreadable.value()).isEqualTo(malformed.value());
        ConsumerRecord<String, byte[]> refused = TopicRecords.awaitRecord(DLQ, headerEquals(CloudEventHeaders.ID, id(unknownDistrict)));
        assertThat(header(refused, DeadLetterHeaders.REASON)).isEqualTo("still failing after retries: IllegalArgumentException");

        Awaitility.await().atMost(WAIT).until(() -> referral(first) != null && referral(first).containsKey("duplicate")
                && referral(second) != null);
        assertThat(referral(first)).containsEntry("district", "maidstone").containsEntry("duplicate", true);
        assertThat(referral(first).getList("appliedEvents", String.class)).containsExactly(id(counted), id(linked));
        assertThat(referral(second)).containsEntry("district", "swale").doesNotContainKey("duplicate");
        assertThat(referral(second).getList("appliedEvents", String.class)).containsExactly(id(alsoCounted));
        assertThat(referral(outside)).as("the refused event wrote nothing").isNull();
        for (ProducerRecord<String, byte[]> good : List.of(counted, alsoCounted, linked)) {
            assertThat(TopicRecords.matching(DLQ, headerEquals(CloudEventHeaders.ID, id(good)))).isEmpty();
        }
    }

    private Document referral(String referralId) {
        return mongo.getCollection(StrategicAssessments.REFERRALS).find(new Document("_id", referralId)).first();
    }

    /** Runs {@code work} with the binding stopped, then starts it again. */
    private void whileStopped(String name, Runnable work) {
        ConsumerBindings.whileStopped(bindings, work, name);
    }

    /** {@code referrals.ReferralReceived.v1} as its schema says (the fields the assessment reads and a few more). */
    private static ProducerRecord<String, byte[]> received(String referralId, String district) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("referralId", referralId);
        p.put("agency", "kent-police");
        p.put("district", district);
        p.put("category", "burglary");
        p.put("flags", List.of());
        p.put("subjectRole", "victim");
        p.put("receivedAt", "2035-02-01T10:00:00Z");
        return event(referralId, "referrals.ReferralReceived.v1", PartnershipApi.JSON.writeValueAsBytes(p));
    }

    private static ProducerRecord<String, byte[]> event(String key, String type, byte[] payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(REFERRALS, key, payload);
        String id = UUID.randomUUID().toString();
        CloudEventHeaders.write(new EventMetadata(id, type, "/saferkent/referrals", key, Instant.now(), "it-" + id, id, 1,
                "00-" + "ab".repeat(16) + "-" + "cd".repeat(8) + "-01"), record.headers());
        return record;
    }

    private static String id(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
    }

    private static String newId() {
        return "ref-" + UUID.randomUUID();
    }
}
