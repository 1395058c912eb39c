package org.saferkent.ops.lag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.saferkent.ops.History;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer lag of every consumer group, measured with the Kafka Admin API (groups, their committed
 * offsets, the partitions' latest offsets) by a periodic task, never per request: the API answers the
 * latest measurement. A group whose consumers stopped keeps its committed offsets, so its lag grows
 * as records arrive; its state shows {@code EMPTY}.
 */
public class ConsumerLag {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    private static final long TIMEOUT_SECONDS = 10;

    public record PartitionLag(String topic, int partition, long committed, long end, long lag) {
    }

    public record GroupLag(String group, String state, long totalLag, List<PartitionLag> partitions,
            List<History.Sample> history) {
    }

    /** @param error why the latest measurement failed (null when it succeeded); the groups are then the previous ones */
    public record Snapshot(Instant measuredAt, List<GroupLag> groups, String error) {
        public static final Snapshot NONE = new Snapshot(null, List.of(), null);
    }

    private final Map<String, Object> adminConfig;
    private final History history;
    private final Clock clock;
    private final Consumer<Snapshot> onMeasured;
    private volatile Snapshot latest = Snapshot.NONE;
    private Admin admin;

    public ConsumerLag(Map<String, Object> adminConfig, History history, Clock clock, Consumer<Snapshot> onMeasured) {
        this.adminConfig = new HashMap<>(adminConfig);
        this.adminConfig.putIfAbsent("client.id", "ops-monitor-lag-" + UUID.randomUUID().toString().substring(0, 8));
        this.history = history;
        this.clock = clock;
        this.onMeasured = onMeasured;
    }

    public Snapshot latest() {
        return latest;
    }

    /** Measures every group's lag now (the periodic task calls this). */
    public synchronized Snapshot measure() {
        Instant now = clock.instant();
        try {
            Admin client = admin();
            Map<String, String> states = new LinkedHashMap<>();
            for (GroupListing listing : client.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                states.put(listing.groupId(), listing.groupState().map(Enum::name).orElse("UNKNOWN"));
            }
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            if (!states.isEmpty()) {
                Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
                states.keySet().forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
                committed = client.listConsumerGroupOffsets(specs).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            Set<TopicPartition> partitions = new HashSet<>();
            committed.values().forEach(offsets -> offsets.forEach((tp, offset) -> {
                if (offset != null) {
                    partitions.add(tp);
                }
            }));
            Map<TopicPartition, Long> ends = endOffsets(client, partitions);
            List<GroupLag> groups = new ArrayList<>();
            for (Map.Entry<String, String> group : states.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(group.getKey(), Map.of());
                List<PartitionLag> lags = new ArrayList<>();
                offsets.forEach((tp, offset) -> {
                    Long end = ends.get(tp);
                    if (offset != null && end != null) {
                        lags.add(new PartitionLag(tp.topic(), tp.partition(), offset.offset(), end, Math.max(0, end - offset.offset())));
                    }
                });
                if (lags.isEmpty()) {
                    continue; // a group that never committed (e.g. a reader that assigns partitions itself) has no lag
                }
                lags.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
                long total = lags.stream().mapToLong(PartitionLag::lag).sum();
                history.add("lag:" + group.getKey(), now, total);
                groups.add(new GroupLag(group.getKey(), group.getValue(), total, List.copyOf(lags), history.of("lag:" + group.getKey())));
            }
            groups.sort(Comparator.comparing(GroupLag::group));
            latest = new Snapshot(now, List.copyOf(groups), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            latest = new Snapshot(now, latest.groups(), "interrupted");
        } catch (Exception e) {
            log.warn("Could not measure consumer lag: {}", e.toString());
            latest = new Snapshot(now, latest.groups(), "could not reach the broker: " + e.getClass().getSimpleName());
            closeAdmin(); // a fresh client next time
        }
        onMeasured.accept(latest);
        return latest;
    }

    /** Latest offsets partition by partition: a partition that cannot be read (its topic deleted) is left out. */
    private static Map<TopicPartition, Long> endOffsets(Admin client, Set<TopicPartition> partitions) throws InterruptedException {
        Map<TopicPartition, Long> ends = new HashMap<>();
        if (partitions.isEmpty()) {
            return ends;
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        ListOffsetsResult result = client.listOffsets(request);
        for (TopicPartition tp : partitions) {
            try {
                ends.put(tp, result.partitionResult(tp).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).offset());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                log.debug("No latest offset for {}: {}", tp, e.toString());
            }
        }
        return ends;
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    private void closeAdmin() {
        if (admin != null) {
            try {
                admin.close(Duration.ofSeconds(2));
            } catch (RuntimeException ignored) {
                // closing anyway
            }
            admin = null;
        }
    }

    public synchronized void close() {
        closeAdmin();
    }
}
