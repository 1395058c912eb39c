package org.saferkent.commissioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.commissioning.PartnershipEvents.REFERRALS;
import static org.saferkent.commissioning.PartnershipEvents.accepted;
import static org.saferkent.commissioning.PartnershipEvents.routed;
import static org.saferkent.platform.test.TopicRecords.header;
import static org.saferkent.platform.test.TopicRecords.headerEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.commissioning.PartnershipEvents.Event;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.messaging.DeadLetterHeaders;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.ConsumerBindings;
import org.saferkent.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingService;

/**
 * Commissioning consumes whole polls and writes each poll's facts with one bulk write per fact collection.
 * The bindings are stopped while the events are published, so that one poll holds them all: a batch.
 * Works in 2034.
 */
class BatchConsumptionIT extends CommissioningIntegrationTest {

    private static final String GROUP = "commissioning";
    private static final List<String> BINDINGS = List.of("referralEvents-in-0", "victimCaseEvents-in-0",
            "rjCaseEvents-in-0", "disposalEvents-in-0");
    private static final String DLQ = Topics.deadLetterTopic(REFERRALS, GROUP);

    @Autowired
    BindingService bindings;

    @Test
    void aPoisonRecordInABatchIsDeadLetteredAloneAndTheRestOfItsBatchIsAppliedOnce() {
        String key = newId();
        Event before = routed(newId(), "dover", "victim-support", at("2034-02-01"));
        Event after = routed(newId(), "dover", "victim-support", at("2034-02-02"));
        Event missingDistrict = routed(newId(), "dover", "victim-support", at("2034-02-03"));
        missingDistrict.payload().remove("district");
        Event last = accepted(after.key(), "dover", "victim-support", at("2034-02-04"));
        String malformedId = newId();
        ProducerRecord<String, byte[]> malformed = new ProducerRecord<>(REFERRALS, key,
                ("{\"referralId\":\"" + key + "\",\"district\":\"" + PartnershipEvents.NAME + "\"").getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(new org.saferkent.platform.events.EventMetadata(malformedId, "referrals.ReferralRouted.v1",
                "/saferkent/referrals", key, Instant.now(), "it-" + malformedId, malformedId, 2, null), malformed.headers());

        whileStopped(() -> {
            publish(before);
            TopicRecords.send(malformed);
            publish(after);
            publish(missingDistrict);
            publish(last);
        });

        ConsumerRecord<String, byte[]> deadLetter = TopicRecords.awaitRecord(DLQ, headerEquals(CloudEventHeaders.ID, malformedId));
        assertThat(header(deadLetter, DeadLetterHeaders.FAILURE)).isEqualTo("INVALID");
        assertThat(header(deadLetter, DeadLetterHeaders.REASON)).startsWith("malformed JSON").doesNotContain(PartnershipEvents.NAME);
        assertThat(deadLetter.value()).isEqualTo(malformed.value());
        ConsumerRecord<String, byte[]> invalid = TopicRecords.awaitRecord(DLQ, headerEquals(CloudEventHeaders.ID, missingDistrict.id()));
        assertThat(header(invalid, DeadLetterHeaders.FAILURE)).isEqualTo("INVALID");
        assertThat(header(invalid, DeadLetterHeaders.REASON)).contains("district");
        ConsumerRecord<String, byte[]> reported = TopicRecords.awaitRecord(Topics.OPS_EVENTS,
                record -> TopicRecords.value(record).contains(malformedId));
        assertThat(header(reported, CloudEventHeaders.TYPE)).isEqualTo("ops.DeadLetterRecorded.v1");
        assertThat(TopicRecords.value(reported)).contains("\"failure\":\"INVALID\"").doesNotContain(PartnershipEvents.NAME);

        Awaitility.await().atMost(WAIT).until(() -> fact(last) != null
                && fact(last).getList("appliedEvents", String.class).contains(last.id()));
        assertThat(fact(before).getList("appliedEvents", String.class)).containsExactly(before.id());
        assertThat(fact(after).getList("appliedEvents", String.class)).containsExactly(after.id(), last.id());
        assertThat(fact(after).getBoolean("accepted")).isTrue();
        assertThat(fact(missingDistrict)).as("the invalid event wrote nothing").isNull();
        assertThat(mongo.getCollection(currentCollection("pathway_activity")).countDocuments(new Document("referralId", key)))
                .as("the malformed one wrote nothing").isZero();
        assertThat(TopicRecords.matching(DLQ, headerEquals(CloudEventHeaders.ID, after.id()))).isEmpty();
    }

    @Test
    void aBatchDeliveredAgainAfterACrashBeforeItsCommitChangesNothing() throws Exception {
        List<Event> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Event routed = routed(newId(), "thanet", "victim-support", at("2034-03-0" + (i + 1)));
            batch.add(routed);
            batch.add(accepted(routed.key(), "thanet", "victim-support", at("2034-03-0" + (i + 2))));
        }
        whileStopped(() -> batch.forEach(CommissioningIntegrationTest::publish));
        Event lastOfBatch = batch.get(batch.size() - 1);
        Awaitility.await().atMost(WAIT).until(() -> fact(lastOfBatch) != null
                && fact(lastOfBatch).getList("appliedEvents", String.class).contains(lastOfBatch.id()));
        Map<String, Document> applied = facts(batch);

        // as after a crash between the bulk write and the offsets' commit: the group is set back to the batch's first records
        whileStopped(() -> rewindTo(batch));
        Event sentinel = routed(newId(), "thanet", "victim-support", at("2034-03-20"));
        publish(sentinel);
        Awaitility.await().atMost(WAIT).until(() -> fact(sentinel) != null);
        // the sentinel is on another partition maybe: wait for the group to have read past the batch again
        Awaitility.await().atMost(WAIT).until(() -> caughtUp(batch));

        assertThat(facts(batch)).as("every fact exactly as before, its count of changes applied (touch) included")
                .isEqualTo(applied);
        for (Event event : batch) {
            assertThat(fact(event).getList("appliedEvents", String.class)).containsOnlyOnce(event.id());
        }
    }

    private Document fact(Event event) {
        String referralId = (String) event.payload().get("referralId");
        return mongo.getCollection(currentCollection("pathway_activity"))
                .find(new Document("_id", referralId + ":victim-support")).first();
    }

    private Map<String, Document> facts(List<Event> events) {
        Map<String, Document> facts = new java.util.TreeMap<>();
        for (Event event : events) {
            Document fact = fact(event);
            fact.remove("dirty"); // cleared by the performance refresh whenever it runs: not the consumer's doing
            facts.put((String) event.payload().get("referralId"), fact);
        }
        return facts;
    }

    /** Sets the group's committed offsets back to the first record of {@code batch} on each partition it used. */
    private void rewindTo(List<Event> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();
        for (Event event : batch) {
            ConsumerRecord<String, byte[]> record = TopicRecords.awaitRecord(REFERRALS, headerEquals(CloudEventHeaders.ID, event.id()));
            offsets.merge(new TopicPartition(REFERRALS, record.partition()), new OffsetAndMetadata(record.offset()),
                    (a, b) -> a.offset() <= b.offset() ? a : b);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrapServers()))) {
            Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(GROUP, offsets).all().get();
                return true;
            });
            rewound = offsets;
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> rewound = Map.of();

    /** Whether the group has committed past every record of the batch again. */
    private boolean caughtUp(List<Event> batch) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            for (Event event : batch) {
                ConsumerRecord<String, byte[]> record = TopicRecords.matching(REFERRALS, headerEquals(CloudEventHeaders.ID, event.id())).get(0);
                OffsetAndMetadata at = committed.get(new TopicPartition(REFERRALS, record.partition()));
                if (at == null || at.offset() <= record.offset()) {
                    return false;
                }
            }
            return !rewound.isEmpty();
        }
    }

    /** Runs {@code work} with every consumer binding of the group stopped (the group empty), then starts them again. */
    private void whileStopped(Runnable work) {
        ConsumerBindings.whileStopped(bindings, work, BINDINGS.toArray(String[]::new));
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }
}
