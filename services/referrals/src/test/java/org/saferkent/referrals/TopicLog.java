package org.saferkent.referrals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.saferkent.platform.test.RealInfrastructure;

/**
 * Everything on one topic of the shared test broker, as an outside observer reads it: like
 * {@code TopicRecords.readAll}, but one long-lived consumer per topic (no group, so no coordinator)
 * keeps what it has read and only fetches what was added since, so the tests can look often and cheaply.
 */
final class TopicLog {

    private static final Map<String, TopicLog> LOGS = new ConcurrentHashMap<>();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private List<TopicPartition> assigned = List.of();

    private TopicLog(String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        Runtime.getRuntime().addShutdownHook(new Thread(consumer::close, "topic-log-" + topic));
    }

    static TopicLog of(String topic) {
        return LOGS.computeIfAbsent(topic, TopicLog::new);
    }

    /** Every record now in the topic, from the beginning of each partition (in order within a partition). */
    synchronized List<ConsumerRecord<String, byte[]>> records() {
        if (assigned.isEmpty()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
        while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> match) {
        return records().stream().filter(match).toList();
    }

    /** Waits (bounded) until the topic holds a record matching {@code match}, and returns the first. */
    ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> match) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        Awaitility.await("a record on " + topic).atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
            found.clear();
            records().stream().filter(match).findFirst().ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }
}
