package org.saferkent.benchmark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * The stack has finished the work handed to it when every consumer group has read every topic to its
 * end and no topic grows any more (outbox relays have nothing left to publish) for a while longer than
 * the slowest periodic step (commissioning's refresh, the relays' sweep).
 */
public final class Quiescence implements AutoCloseable {

    private final Admin admin;

    public Quiescence(String bootstrap) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "saferkent-benchmark");
        this.admin = Admin.create(config);
    }

    public Admin admin() {
        return admin;
    }

    /** Every topic's end offset, and the total lag of every consumer group. */
    public record Snapshot(Map<TopicPartition, Long> ends, long lag) {
    }

    public Snapshot snapshot() throws InterruptedException, ExecutionException {
        Map<TopicPartition, Long> ends = endOffsets();
        long lag = 0;
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
            if (group.groupId().startsWith("anonymous.") && group.groupState().filter(GroupState.EMPTY::equals).isPresent()) {
                continue; // a live view's own group from an earlier start of the stack: nobody reads it any more
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                Long end = ends.get(entry.getKey());
                if (end != null && entry.getValue() != null) {
                    lag += Math.max(0, end - entry.getValue().offset());
                }
            }
        }
        return new Snapshot(ends, lag);
    }

    public Map<TopicPartition, Long> endOffsets() throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (var description : admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().values()) {
            description.partitions().forEach(p -> request.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> entry : admin.listOffsets(request).all().get().entrySet()) {
            ends.put(entry.getKey(), entry.getValue().offset());
        }
        return ends;
    }

    public long records(List<String> topicPrefixes) throws InterruptedException, ExecutionException {
        return endOffsets().entrySet().stream().filter(e -> topicPrefixes.stream().anyMatch(e.getKey().topic()::startsWith))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Waits until no group lags and nothing grows for {@code stableMillis}; returns the {@link System#nanoTime()}
     * at which that calm began (the moment the work was done).
     */
    public long awaitDrained(long stableMillis, long timeoutMillis) throws InterruptedException, ExecutionException {
        return awaitDrained(stableMillis, timeoutMillis, () -> 0);
    }

    /**
     * As {@link #awaitDrained(long, long)}, and {@code pending} (e.g. the services' outbox backlog) must be
     * zero too: a relay busy with a slow store can leave every topic still for seconds while events wait.
     */
    public long awaitDrained(long stableMillis, long timeoutMillis, java.util.function.DoubleSupplier pending)
            throws InterruptedException, ExecutionException {
        long began = System.nanoTime();
        long deadline = began + timeoutMillis * 1_000_000;
        long reported = began;
        Snapshot calmAt = null;
        long calmSince = 0;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            Snapshot current = snapshot();
            boolean report = now - reported >= REPORT_EVERY_NANOS;
            // asked only when it matters: it reads every service's metrics
            double backlog = current.lag() == 0 || report ? pending.getAsDouble() : 0;
            if (report) {
                reported = now;
                System.out.println(settling(current.lag(), backlog, (now - began) / 1e9));
            }
            if (current.lag() == 0 && backlog > 0) {
                current = new Snapshot(current.ends(), 1); // not calm yet
            }
            if (current.lag() == 0 && calmAt != null && work(calmAt).equals(work(current))) {
                if ((now - calmSince) / 1_000_000 >= stableMillis) {
                    return calmSince;
                }
            } else if (current.lag() == 0) {
                calmAt = current;
                calmSince = now;
            } else {
                calmAt = null;
            }
            Thread.sleep(250); // polling the broker's offsets
        }
        throw new IllegalStateException("the stack did not drain within " + timeoutMillis + " ms");
    }

    /** A wait for the stack to settle says how far it is this often (it can take minutes after a year's intake). */
    private static final long REPORT_EVERY_NANOS = 10_000_000_000L;

    /** e.g. {@code   settling: 1,204 events not yet consumed, 37 in outboxes · 40 s so far} */
    static String settling(long lag, double backlog, double seconds) {
        return String.format(java.util.Locale.UK, "  settling: %,d events not yet consumed, %,.0f in outboxes · %,.0f s so far", lag, backlog,
                seconds);
    }

    /** The topics that carry work; heartbeats on ops.events tick on whether or not anything happens. */
    private static Map<TopicPartition, Long> work(Snapshot snapshot) {
        Map<TopicPartition, Long> work = new HashMap<>(snapshot.ends());
        work.keySet().removeIf(partition -> partition.topic().startsWith("ops."));
        return work;
    }

    @Override
    public void close() {
        admin.close();
    }
}
