package org.saferkent.commissioning.performance.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventSource;

/**
 * Publishes the cells whose latest change is not on the feed topic yet: one record per cell however
 * many events changed it since the last round (the debounce), keyed
 * {@code <contractId>|<district>|<quarter>} so compaction keeps the latest. A removed cell is a
 * tombstone (null value). A cell is marked published only once the broker acknowledged that very
 * change; a crash in between publishes it again, with the same {@code ce_id}. Only changes readers may
 * see are published ({@code visible}, {@link ProjectionLease}). A publisher that finds, once its records
 * are acknowledged, that it lost the lease meanwhile (it stalled between reading the cells and sending
 * them) may have sent an older snapshot of a cell after a newer one: it marks the cells changed since it
 * read them for publication again, so the newest is the cell's last record once more.
 */
class SnapshotPublisher {

    static final String TYPE = "commissioning.PerformanceSnapshot.v1";

    private final PerformanceStore store;
    private final EventProducer producer;
    private final EventJson json;
    private final EventSource source;
    private final Clock clock;
    private final String topic;
    private final int batch;
    private final Duration timeout;
    private final Runnable declareTopic;
    private volatile boolean topicDeclared;

    SnapshotPublisher(PerformanceStore store, EventProducer producer, EventJson json, EventSource source, Clock clock,
            String topic, int batch, Duration timeout, Runnable declareTopic) {
        this.store = store;
        this.producer = producer;
        this.json = json;
        this.source = source;
        this.clock = clock;
        this.topic = topic;
        this.batch = batch;
        this.timeout = timeout;
        this.declareTopic = declareTopic;
    }

    /** For tests: runs after a batch of cells is read, before its records are sent. */
    volatile Runnable beforeSend = () -> { };

    /**
     * @return snapshots published
     * @throws ProjectionLease.LeaseLostException if the lease was lost by the time the broker acknowledged
     */
    int publishPending(int version, ProjectionLease.Hold hold) {
        if (!topicDeclared) {
            declareTopic.run(); // before the first record, so the broker never creates it uncompacted
            topicDeclared = true;
        }
        int published = 0;
        List<Document> pending;
        do {
            pending = store.unpublished(version, batch);
            if (pending.isEmpty()) {
                break;
            }
            beforeSend.run();
            List<CompletableFuture<?>> acks = new ArrayList<>();
            for (Document cell : pending) {
                acks.add(producer.send(record(store.entry(cell))));
            }
            await(acks);
            try {
                hold.confirm();
            } catch (ProjectionLease.LeaseLostException lost) {
                store.republish(version, pending);
                throw lost;
            }
            for (Document cell : pending) {
                store.markPublished(version, cell);
            }
            published += pending.size();
        } while (pending.size() == batch);
        return published;
    }

    private ProducerRecord<String, byte[]> record(FeedEntry entry) {
        byte[] value = entry.removed() ? null : json.write(entry);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, entry.key(), value);
        String id = UUID.nameUUIDFromBytes((entry.key() + "#" + entry.sequence()).getBytes(StandardCharsets.UTF_8)).toString();
        CloudEventHeaders.write(new EventMetadata(id, TYPE, source.uri(), entry.key(), clock.instant(), id, id,
                entry.sequence(), null), record.headers());
        return record;
    }

    private void await(List<CompletableFuture<?>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing snapshots", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the snapshots to " + topic, e);
        }
    }
}
