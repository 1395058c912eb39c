package org.saferkent.ops.deadletters;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads one record of a dead-letter topic by partition and offset (assign and seek, no consumer group),
 * when someone inspects or replays it: dead-lettered payloads are never copied into ops-monitor's store.
 */
public class DeadLetterReader {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ConsumerFactory<String, byte[]> consumers;

    public DeadLetterReader(ConsumerFactory<String, byte[]> consumers) {
        this.consumers = consumers;
    }

    /** The record, or empty when the topic no longer holds it (retention) or it cannot be reached in time. */
    public Optional<ConsumerRecord<String, byte[]>> read(String topic, int partition, long offset) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(null, "ops-monitor-dlq-reader", null, overrides)) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            long start = consumer.beginningOffsets(List.of(tp), WAIT).getOrDefault(tp, 0L);
            long end = consumer.endOffsets(List.of(tp), WAIT).getOrDefault(tp, 0L);
            if (offset < start || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty(); // compacted or otherwise gone
                    }
                }
            }
            return Optional.empty();
        }
    }
}
