package org.saferkent.commissioning.performance.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.saferkent.commissioning.performance.domain.PublishedSnapshot;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventSource;

/**
 * Publishes the cells whose latest change is not on the feed topics yet: per cell however many events changed it
 * since the last round (the debounce), keyed {@code <contractId>|<district>|<quarter>} so compaction keeps the
 * latest, one record on each of two topics: the exact snapshot ({@link #TYPE}) on the feed topic, read inside the
 * partnership, and the same change as the PCC's office may see it ({@link #PUBLISHED_TYPE}, a
 * {@link PublishedEntry}: statistical disclosure control) on the PCC office's topic, followed there by the Kent
 * total of each contract × quarter the round touched ({@code <contractId>|kent|<quarter>}, numbered with the
 * group's latest change, as {@link PerformanceFeed} serves them). The published forms are computed from the stored
 * cells of those contracts × quarters. A removed cell (or a Kent total with no district left) is a tombstone (null
 * value). A cell is marked published only once the broker acknowledged both its records; a crash in between
 * publishes them again, with the same {@code ce_id}s (key and sequence). Only changes readers may see are published
 * ({@code visible}, {@link ProjectionLease}). A publisher that finds, once its records are acknowledged, that it
 * lost the lease meanwhile (it stalled between reading the cells and sending them) may have sent an older record
 * of a cell or Kent total after a newer one: it marks the cells changed since it read them (those it sent and the
 * rest of their contracts × quarters) for publication again, so the newest is each key's last record once more.
 */
class SnapshotPublisher {

    static final String TYPE = "commissioning.PerformanceSnapshot.v1";
    static final String PUBLISHED_TYPE = "commissioning.PublishedPerformance.v1";

    private final PerformanceStore store;
    private final EventProducer producer;
    private final EventJson json;
    private final EventSource source;
    private final Clock clock;
    private final String topic;
    private final String pccTopic;
    private final int batch;
    private final Duration timeout;
    private final Runnable declareTopics;
    private volatile boolean topicsDeclared;

    /**
     * @param topic         the exact feed ({@code commissioning.feed})
     * @param pccTopic      the PCC office's feed ({@code commissioning.pcc-feed})
     * @param declareTopics declares both compacted, before the first record
     */
    SnapshotPublisher(PerformanceStore store, EventProducer producer, EventJson json, EventSource source, Clock clock,
            String topic, String pccTopic, int batch, Duration timeout, Runnable declareTopics) {
        this.store = store;
        this.producer = producer;
        this.json = json;
        this.source = source;
        this.clock = clock;
        this.topic = topic;
        this.pccTopic = pccTopic;
        this.batch = batch;
        this.timeout = timeout;
        this.declareTopics = declareTopics;
    }

    /** For tests: runs after a batch of cells is read, before its records are sent. */
    volatile Runnable beforeSend = () -> { };

    /**
     * @return cells published
     * @throws ProjectionLease.LeaseLostException if the lease was lost by the time the broker acknowledged
     */
    int publishPending(int version, ProjectionLease.Hold hold) {
        if (!topicsDeclared) {
            declareTopics.run(); // before the first record, so the broker never creates them uncompacted
            topicsDeclared = true;
        }
        int published = 0;
        List<Document> pending;
        do {
            pending = store.unpublished(version, batch);
            if (pending.isEmpty()) {
                break;
            }
            beforeSend.run();
            Map<String, Document> touched = new LinkedHashMap<>(); // a cell of each contract × quarter, for its Kent total
            pending.forEach(cell -> touched.putIfAbsent(PerformanceStore.group(cell.getString("_id")), cell));
            List<Document> members = store.groups(version, touched.keySet());
            Map<String, Long> stored = new LinkedHashMap<>();
            members.forEach(member -> stored.put(member.getString("_id"), PerformanceFeed.sequence(member)));
            Map<String, PublishedSnapshot> forms = store.published(members);
            Map<String, Long> latest = PerformanceFeed.latestByGroup(members, store.visible());
            List<Document> sent = new ArrayList<>();
            List<CompletableFuture<?>> acks = new ArrayList<>();
            for (Document cell : pending) {
                Long now = stored.get(cell.getString("_id"));
                if (now == null || now != PerformanceFeed.sequence(cell)) {
                    continue; // changed since it was read: its published form is the newer change's; that goes next round
                }
                acks.add(producer.send(exact(store.entry(cell))));
                acks.add(producer.send(published(PerformanceFeed.entry(cell, forms))));
                sent.add(cell);
            }
            touched.forEach((group, cell) -> acks.add(producer.send(published(PerformanceFeed.kent(cell,
                    latest.getOrDefault(group, PerformanceFeed.sequence(cell)), forms)))));
            await(acks);
            try {
                // still ours by the holder's own clock (as before every fenced write): no one can have taken the lease
                // over while these were sent, so no newer record of theirs can precede ours. Renewing here as well cost
                // a store write every round; the renewals keep the lease meanwhile
                hold.check();
            } catch (ProjectionLease.LeaseLostException lost) {
                store.republish(version, pending);
                store.republish(version, members); // a Kent total sent may be older than one sent after it
                throw lost;
            }
            store.markPublished(version, sent);
            published += sent.size();
        } while (pending.size() == batch);
        return published;
    }

    private ProducerRecord<String, byte[]> exact(FeedEntry entry) {
        return record(topic, TYPE, id(entry.key() + "#" + entry.sequence()), entry.key(), entry.sequence(),
                entry.removed() ? null : json.write(entry));
    }

    private ProducerRecord<String, byte[]> published(PublishedEntry entry) {
        // another event than the exact record of the same change, so another id (CloudEvents: source + id unique)
        return record(pccTopic, PUBLISHED_TYPE, id(PUBLISHED_TYPE + "#" + entry.key() + "#" + entry.sequence()), entry.key(),
                entry.sequence(), entry.removed() ? null : json.write(entry));
    }

    /** {@code ce_id} from key and sequence: a re-send after a crash has the same id. */
    static String id(String keyAndSequence) {
        return UUID.nameUUIDFromBytes(keyAndSequence.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private ProducerRecord<String, byte[]> record(String to, String type, String id, String key, long sequence, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(to, key, value);
        CloudEventHeaders.write(new EventMetadata(id, type, source.uri(), key, clock.instant(), id, id, sequence, null),
                record.headers());
        return record;
    }

    private void await(List<CompletableFuture<?>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing snapshots", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the snapshots to " + topic + " and " + pccTopic, e);
        }
    }
}
