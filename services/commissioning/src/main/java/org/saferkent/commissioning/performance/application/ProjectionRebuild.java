package org.saferkent.commissioning.performance.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.saferkent.commissioning.activity.adapter.in.messaging.ActivityRoutes.Route;
import org.saferkent.commissioning.activity.application.ActivityProjection;
import org.saferkent.commissioning.activity.application.ActivityProjection.EventRef;
import org.saferkent.commissioning.activity.application.FactKind;
import org.saferkent.commissioning.activity.application.LiveFacts;
import org.saferkent.commissioning.activity.application.MemoryFacts;
import org.saferkent.commissioning.activity.application.ProjectionVersions;
import org.saferkent.commissioning.contract.application.Contracts;
import org.saferkent.commissioning.contract.domain.Contract;
import org.saferkent.commissioning.performance.domain.ContractTerms;
import org.saferkent.commissioning.performance.domain.DayCounts;
import org.saferkent.commissioning.performance.domain.PathwayScope;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.saferkent.platform.outbox.Loaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;

import com.mongodb.client.model.InsertManyOptions;

/**
 * Rebuilds the projection from the event topics into fresh collections, then swaps them in:
 * <ol>
 * <li>reads every partition from the beginning up to the end offsets taken at the start, with its
 * own consumer (assigned, no group), folding the events into fact documents in memory;</li>
 * <li>bulk-inserts them into the next version's collections in {@code _id} order, then builds their indexes;</li>
 * <li>from then on live events are written to both versions, and the events that arrived meanwhile
 * are applied to the new one (idempotently: a live write of the same event changes nothing);</li>
 * <li>computes the district × day buckets ({@link DayBuckets}) from the new facts in memory, every
 * contract's cells from them, and bulk-inserts both (the live refresh carries on from the buckets): a cell
 * equal to the live one keeps its feed sequence, a different one gets a new sequence and is
 * published;</li>
 * <li>swaps the version read, commits the new sequences to readers (the lease's {@code visible},
 * {@link ProjectionLease}), and drops the versions before the previous one.</li>
 * </ol>
 * It holds the performance lease throughout, renewed every few seconds, so no refresh round
 * interleaves; if it dies, the lease runs out soon and the next holder clears its {@code building}
 * pointer and drops its collections. It stops if it finds the lease taken over, and only swaps in the
 * version it is still named as building.
 */
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    /** How often a long read of the topics logs how far it is. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final ConsumerFactory<String, byte[]> consumers;
    private final EventJson json;
    private final Map<String, Map<String, Route<?>>> routes;
    private final ProjectionVersions versions;
    private final IdempotentWrites writes;
    private final Contracts contracts;
    private final PerformanceStore store;
    private final LiveFactsLoader loader;
    private final DayBuckets buckets;
    private final ProjectionLease lease;
    private final ProjectionCollections collections;
    private final PathwayScope scope;
    private final Clock clock;
    private final RebuildSettings settings;

    /** @see org.saferkent.commissioning.CommissioningProperties.Rebuild */
    public record RebuildSettings(int pollRecords, int writeBatch, Duration lease, Duration leaseRenewal, Duration waitForLease,
            Duration timeout) {
    }

    ProjectionRebuild(MongoTemplate mongo, ConsumerFactory<String, byte[]> consumers, EventJson json,
            Map<String, List<Route<?>>> routes, ProjectionVersions versions, IdempotentWrites writes, Contracts contracts,
            PerformanceStore store, LiveFactsLoader loader, ProjectionLease lease, PathwayScope scope, Clock clock,
            RebuildSettings settings) {
        this.collections = new ProjectionCollections(mongo, versions);
        this.mongo = mongo;
        this.consumers = consumers;
        this.json = json;
        this.routes = new HashMap<>();
        routes.forEach((topic, list) -> {
            Map<String, Route<?>> byType = new HashMap<>();
            list.forEach(route -> byType.put(route.wireName(), route));
            this.routes.put(topic, byType);
        });
        this.versions = versions;
        this.writes = writes;
        this.contracts = contracts;
        this.store = store;
        this.loader = loader;
        this.buckets = new DayBuckets(mongo, loader);
        this.lease = lease;
        this.scope = scope;
        this.clock = clock;
        this.settings = settings;
    }

    /** @throws RebuildInProgressException when the projection stays held by someone else, or is taken over meanwhile */
    public RebuildResult rebuild() {
        try (ProjectionLease.Hold hold = acquireLease()) {
            return rebuild(hold);
        }
    }

    private RebuildResult rebuild(ProjectionLease.Hold hold) {
        long started = System.nanoTime();
        ProjectionVersions.Pointer pointer = versions.read();
        // holding the lease, no other rebuild is alive: whatever one left behind is dead
        collections.clearDeadBuild(pointer);
        int previous = pointer.current();
        collections.dropAbove(previous);
        int next = versions.claimNext();
        try {
            store.ensureIndexes(next);
            buckets.ensureIndexes(next);
            MemoryFacts memory = new MemoryFacts();
            ActivityProjection folded = new ActivityProjection(memory, scope.restorativeJustice());
            long read;
            long caughtUp;
            try (Consumer<String, byte[]> consumer = consumer()) {
                List<TopicPartition> partitions = partitions(consumer);
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                read = readUpTo(consumer, partitions, end, folded, hold, "Rebuild v" + next + ": reading the topics");
                log.info("Rebuild v{}: {} events read in {}; writing their facts", next, read, RebuildProgress.human(elapsed(started)));
                long writing = System.nanoTime();
                long facts = insertFacts(next, memory, hold);
                long indexing = System.nanoTime();
                // the facts' own indexes built once they are all in (one pass each, instead of maintained per insert);
                // nothing reads this version before the swap, and live writes to it (from startBuilding on) go by _id
                loader.ensureIndexes(next);
                log.info("Rebuild v{}: {} events folded into {} facts, written in {} s, their indexes built in {} s", next, read, facts,
                        Math.round(elapsed(writing) - elapsed(indexing)), Math.round(elapsed(indexing)));

                hold.confirm();
                versions.startBuilding(next);
                awaitLiveWritersFollowing();
                Map<TopicPartition, Long> caughtUpTo = consumer.endOffsets(partitions);
                end.forEach(consumer::seek);
                consumer.resume(partitions);
                // the events that arrived meanwhile go to the store and to memory, which performance is computed from
                LiveFacts pinned = LiveFacts.pinned(writes, next);
                ActivityProjection live = new ActivityProjection((eventId, change) -> {
                    memory.apply(eventId, change);
                    pinned.apply(eventId, change);
                }, scope.restorativeJustice());
                caughtUp = readUpTo(consumer, partitions, caughtUpTo, live, hold, "Rebuild v" + next + ": catching up");
            }
            hold.check();
            log.info("Rebuild v{}: {} events caught up; computing the performance cells", next, caughtUp);
            long computing = System.nanoTime();
            long[] cells = writePerformance(previous, next, memory);
            log.info("Rebuild v{}: day buckets and {} performance cells computed and written in {} s", next, cells[0],
                    Math.round(elapsed(computing)));
            hold.confirm();
            versions.swapTo(next);
            // readers see the new numbers only now (and not before the swap: the stale late write of a
            // refresh to the version replaced here would have been visible); dying here, the next holder commits them
            try {
                hold.commit(cells[2]);
            } catch (ProjectionLease.LeaseLostException takenOver) {
                log.warn("Rebuild v{} swapped in but lost the lease before committing its feed sequences: the next holder does", next);
            }
            collections.dropBelow(previous);
            long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            long facts = 0;
            for (FactKind kind : FactKind.values()) {
                facts += mongo.getCollection(kind.collection(next)).estimatedDocumentCount();
            }
            RebuildResult result = new RebuildResult(next, read, caughtUp, facts, cells[0], cells[1], millis,
                    (read + caughtUp) * 1000 / millis);
            log.info("Rebuild v{} swapped in: {}", next, result);
            return result;
        } catch (RuntimeException e) {
            try {
                versions.abandon(next);
                collections.drop(next); // no one else fills this version: it was handed to this rebuild alone
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup); // the next rebuild or refresh clears it
            }
            throw e;
        }
    }

    private static double elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Waits a little for a refresh round to finish; the lease is renewed while the rebuild runs. */
    private ProjectionLease.Hold acquireLease() {
        Instant giveUp = clock.instant().plus(settings.waitForLease());
        ProjectionLease.Hold hold;
        while ((hold = lease.hold(settings.lease(), settings.leaseRenewal())) == null) {
            // a refresh keeping the lease between its runs gives it up (asked again each time: a refresh that took the
            // lease free meanwhile cleared the request)
            lease.want();
            if (clock.instant().isAfter(giveUp)) {
                throw new RebuildInProgressException();
            }
            try {
                Thread.sleep(100); // a refresh round is short: wait for it to finish
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RebuildInProgressException();
            }
        }
        return hold;
    }

    /**
     * Live writers trust the pointer they read for a while: once that has passed (twice over), every
     * event applied with a pointer that did not name the new version was published before the
     * offsets the rebuild now catches up to.
     */
    private static void awaitLiveWritersFollowing() {
        try {
            Thread.sleep(ProjectionVersions.LIVE_POINTER_FRESHNESS.multipliedBy(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while live writers took up the new version", e);
        }
    }

    private Consumer<String, byte[]> consumer() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(settings.pollRecords()));
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));
        overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024));
        return consumers.createConsumer(null, "commissioning-rebuild", null, overrides);
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : routes.keySet()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        return partitions;
    }

    /** Reads every partition up to {@code end} (exclusive), applying each event; returns how many records were read. */
    private long readUpTo(Consumer<String, byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end,
            ActivityProjection projection, ProjectionLease.Hold hold, String stage) {
        Set<TopicPartition> remaining = new HashSet<>();
        long toRead = 0;
        for (TopicPartition partition : partitions) {
            long position = consumer.position(partition);
            if (position < end.get(partition)) {
                remaining.add(partition);
                toRead += end.get(partition) - position;
            } else {
                consumer.pause(List.of(partition));
            }
        }
        RebuildProgress progress = new RebuildProgress(stage, toRead, System::nanoTime, PROGRESS_EVERY);
        if (toRead > 0) {
            log.info("{}: {} events in {} partitions", stage, toRead, remaining.size());
        }
        Instant giveUp = clock.instant().plus(settings.timeout());
        long count = 0;
        while (!remaining.isEmpty()) {
            hold.check();
            if (clock.instant().isAfter(giveUp)) {
                throw new IllegalStateException("rebuild could not read the topics to their end in " + settings.timeout());
            }
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
            for (TopicPartition partition : records.partitions()) {
                long stop = end.get(partition);
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    if (record.offset() < stop) {
                        apply(record, projection);
                        count++;
                    }
                }
            }
            progress.due(count).ifPresent(log::info);
            for (TopicPartition partition : List.copyOf(remaining)) {
                if (consumer.position(partition) >= end.get(partition)) {
                    remaining.remove(partition);
                    consumer.pause(List.of(partition));
                }
            }
        }
        return count;
    }

    /** Exactly what the live subscription does with the record; what it would dead-letter changes nothing here either. */
    private void apply(ConsumerRecord<String, byte[]> record, ActivityProjection projection) {
        try {
            EventMetadata metadata = CloudEventHeaders.read(record.headers());
            Route<?> route = routes.getOrDefault(record.topic(), Map.of()).get(metadata.type());
            if (route == null) {
                return;
            }
            Object payload = json.read(record.value(), route.payloadType());
            route.apply(projection, new EventRef(metadata.id(), metadata.time()), payload);
        } catch (RuntimeException unreadable) {
            log.debug("Rebuild skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), unreadable.getMessage());
        }
    }

    private long insertFacts(int version, MemoryFacts memory, ProjectionLease.Hold hold) {
        for (FactKind kind : FactKind.values()) {
            hold.check();
            var collection = mongo.getCollection(kind.collection(version)).withDocumentClass(RawBsonDocument.class);
            memory.encoded(kind, settings.writeBatch(), batch -> collection.insertMany(batch, new InsertManyOptions().ordered(false)));
        }
        return memory.size(); // every fact held, each inserted once
    }

    /** @return {cells written, cells changed, the last feed sequence reserved (0: none)} */
    private long[] writePerformance(int previous, int next, MemoryFacts memory) {
        List<ContractTerms> terms = new ArrayList<>();
        List<Document> marks = new ArrayList<>();
        for (Loaded<Contract> contract : contracts.all()) {
            terms.add(ContractTermsSource.terms(contract.state()));
            marks.add(new Document("_id", contract.state().id()).append("version", contract.version()));
        }
        // every fact of the new version, by district: taken from the documents folded in memory (with the
        // events caught up since), not read back from the store: reading them back was a fifth of a rebuild's time
        Map<String, Map<LocalDate, DayCounts>> days = DayBuckets.byDistrict(FactReader.byDistrict(memory::forEach));
        Map<String, PerformanceSnapshot> computed = new TreeMap<>();
        for (ContractTerms contract : terms) {
            for (String district : contract.districts()) {
                PerformanceCells.compute(List.of(contract), district, contract.quarters(), days.getOrDefault(district, Map.of()), scope)
                        .forEach(snapshot -> computed.put(snapshot.key(), snapshot));
            }
        }
        // the live refresh carries on from these: it recomputes the buckets of the days facts change on
        buckets.insertAll(next, days, settings.writeBatch());
        Map<String, Document> live = new TreeMap<>(store.find(previous, new Document()));
        List<Document> docs = new ArrayList<>();
        List<Object> changed = new ArrayList<>();
        for (Map.Entry<String, PerformanceSnapshot> cell : computed.entrySet()) {
            Document stored = live.get(cell.getKey());
            if (stored != null && !Boolean.TRUE.equals(stored.getBoolean(PerformanceStore.REMOVED))
                    && cell.getValue().equals(store.snapshot(stored))) {
                docs.add(store.document(cell.getValue(), ((Number) stored.get(PerformanceStore.SEQUENCE)).longValue(),
                        Boolean.TRUE.equals(stored.getBoolean(PerformanceStore.PUBLISHED))));
            } else {
                changed.add(cell.getValue());
            }
        }
        for (Map.Entry<String, Document> stored : live.entrySet()) {
            if (!computed.containsKey(stored.getKey())) {
                if (Boolean.TRUE.equals(stored.getValue().getBoolean(PerformanceStore.REMOVED))) {
                    docs.add(stored.getValue());
                } else {
                    changed.add(stored.getValue());
                }
            }
        }
        // what the PCC's office sees of a cell depends on the other districts of its contract × quarter
        // (PccDisclosure): every cell of a contract × quarter with a changed cell is numbered again, so that a
        // reader of the feed after its cursor sees what it is now shown
        Set<String> changedGroups = new HashSet<>();
        for (Object cell : changed) {
            changedGroups.add(PerformanceStore.group(cell instanceof PerformanceSnapshot snapshot ? snapshot.key()
                    : ((Document) cell).getString("_id")));
        }
        if (!changedGroups.isEmpty()) {
            for (var kept = docs.iterator(); kept.hasNext();) {
                Document doc = kept.next();
                if (!Boolean.TRUE.equals(doc.getBoolean(PerformanceStore.REMOVED))
                        && changedGroups.contains(PerformanceStore.group(doc.getString("_id")))) {
                    kept.remove();
                    changed.add(store.snapshot(doc));
                }
            }
        }
        long last = 0;
        if (!changed.isEmpty()) {
            last = store.sequence().reserve(changed.size());
            long sequence = last - changed.size();
            for (Object cell : changed) {
                sequence++;
                docs.add(cell instanceof PerformanceSnapshot snapshot ? store.document(snapshot, sequence, false)
                        : PerformanceStore.removedDocument((Document) cell, sequence));
            }
        }
        insert(PerformanceStore.collection(next), docs);
        insert(PerformanceStore.marksCollection(next), marks);
        return new long[] {docs.size(), changed.size(), last};
    }

    private long insert(String collection, List<Document> docs) {
        for (int from = 0; from < docs.size(); from += settings.writeBatch()) {
            mongo.getCollection(collection).insertMany(docs.subList(from, Math.min(docs.size(), from + settings.writeBatch())),
                    new InsertManyOptions().ordered(false));
        }
        return docs.size();
    }
}
