package org.saferkent.rj;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.TopicRecords;

import tools.jackson.databind.JsonNode;

/**
 * The shared test broker as the other services see it: events sent as a real producer sends them
 * (CloudEvents headers), this service's consumer group's progress, and what it published.
 */
final class Bus {

    static final String CASE_EVENTS = "rj.case.events";
    static final String DISPOSAL_EVENTS = "rj.disposal.events";
    static final String REFERRAL_EVENTS = "referrals.referral.events";
    static final String VICTIM_EVENTS = "victims.case.events";

    private Bus() {
    }

    /** A CloudEvents record keyed by its aggregate; send it as often as a redelivery would. */
    static ProducerRecord<String, byte[]> record(String topic, String type, String key, Map<String, ?> payload) {
        return record(topic, type, key, RjApi.JSON.writeValueAsBytes(payload));
    }

    /** A CloudEvents record whose payload is these bytes, as they are (e.g. not JSON at all). */
    static ProducerRecord<String, byte[]> record(String topic, String type, String key, byte[] payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
        String source = "/saferkent/" + topic.substring(0, topic.indexOf('.'));
        CloudEventHeaders.write(new EventMetadata(UUID.randomUUID().toString(), type, source, key, Instant.now(),
                "it-" + UUID.randomUUID(), null, 1, null), record.headers());
        return record;
    }

    static ProducerRecord<String, byte[]> referralRouted(String referralId, String pathway, String category,
            List<String> flags, String subjectRole, String subjectPseudonym) {
        return record(REFERRAL_EVENTS, "referrals.ReferralRouted.v1", referralId, Map.of(
                "referralId", referralId, "district", "canterbury", "category", category, "flags", flags,
                "pathway", pathway, "riskLevel", "standard", "marac", false, "subjectRole", subjectRole,
                "subjectPseudonym", subjectPseudonym, "routedAt", Instant.now().toString()));
    }

    static ProducerRecord<String, byte[]> victimOptedIn(String victimCaseId, String referralId, String pseudonym) {
        return record(VICTIM_EVENTS, "victims.VictimOptedIntoRestorativeJustice.v1", victimCaseId, Map.of(
                "caseId", victimCaseId, "referralId", referralId, "district", "dover", "category", "burglary",
                "subjectPseudonym", pseudonym, "optedInAt", Instant.now().toString()));
    }

    /** Waits (bounded) until this service's consumer group has handled everything now on {@code topic}. */
    static void awaitConsumed(String topic) {
        Map<TopicPartition, Long> end;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            end = consumer.endOffsets(partitions);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrapServers()))) {
            Awaitility.await("the service to consume " + topic).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin
                                .listConsumerGroupOffsets(RestorativeJusticeApplication.NAME)
                                .partitionsToOffsetAndMetadata().get();
                        return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                                || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
                    });
        }
    }

    static ConsumerRecord<String, byte[]> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        return TopicRecords.awaitRecord(topic, match);
    }

    static List<ConsumerRecord<String, byte[]>> matching(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        return TopicRecords.matching(topic, match);
    }

    static Predicate<ConsumerRecord<String, byte[]>> ofType(String type) {
        return TopicRecords.headerEquals(CloudEventHeaders.TYPE, type);
    }

    static Predicate<ConsumerRecord<String, byte[]>> keyed(String key) {
        return record -> key.equals(record.key());
    }

    static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        return RjApi.JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> TopicRecords.header(r, CloudEventHeaders.TYPE)).collect(Collectors.toList());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }
}
