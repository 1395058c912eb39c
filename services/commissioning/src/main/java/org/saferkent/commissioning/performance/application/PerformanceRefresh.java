package org.saferkent.commissioning.performance.application;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.saferkent.platform.outbox.DuplicateKeys;
import org.saferkent.commissioning.activity.application.FactChange;
import org.saferkent.commissioning.activity.application.FactKind;
import org.saferkent.commissioning.activity.application.LiveFacts;
import org.saferkent.commissioning.activity.application.ProjectionVersions;
import org.saferkent.commissioning.contract.domain.Contract;
import org.saferkent.commissioning.performance.domain.ContractTerms;
import org.saferkent.commissioning.performance.domain.DayCounts;
import org.saferkent.commissioning.performance.domain.PathwayScope;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;
import org.saferkent.platform.workingdays.Quarter;
import org.saferkent.platform.outbox.Loaded;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Keeps the performance projection up to date: each run (shortly after facts were written here, and
 * every few seconds as a sweep: {@link RefreshSchedule}) takes the fact documents marked dirty and the
 * contracts changed since the last run, recomputes the district × day buckets ({@link DayBuckets}) of
 * the days the facts changed on (on a day it keeps in memory, from the changed facts alone: {@link HotDays};
 * otherwise from the day's facts), then the contract × district × quarter cells those days (or the
 * contracts) touch, each summed from the buckets of its window, so that a round reads what changed and
 * never the rest of the history; stores the snapshots that changed (each with a new feed sequence) and
 * publishes them. Many events between two runs make one snapshot. One instance at a time does this (a lease, renewed while
 * it runs), so sequence numbers are written in order; a round's cells are written under the lease's
 * fence ({@link PerformanceStore#write}), so an instance that lost the lease without knowing writes
 * nothing readers see, and the dirty flags and contract marks are cleared only after its cells are
 * committed.
 */
public class PerformanceRefresh {

    /** Rounds within one run while there is more dirty work than one batch. */
    private static final int MAX_ROUNDS = 20;

    private final MongoTemplate mongo;
    private final ProjectionVersions versions;
    private final Supplier<List<Loaded<Contract>>> contracts;
    private final PerformanceStore store;
    private final LiveFactsLoader loader;
    private final DayBuckets buckets;
    private final HotDays hot;
    private final BucketWindows windows;
    private final Together together;
    private final CountedFacts countedFacts;
    /** The last run's hold, kept for the next run while facts keep coming ({@link ProjectionLease.Hold#park()}). */
    private ProjectionLease.Hold kept;
    /** Whether a round of the current run found anything to do. */
    private boolean worked;
    private final SnapshotPublisher publisher;
    private final ProjectionLease lease;
    private final PathwayScope scope;
    private final ProjectionCollections collections;
    private final int dirtyBatch;
    private final Duration leaseFor;
    private final Duration renewEvery;

    PerformanceRefresh(MongoTemplate mongo, ProjectionVersions versions, Supplier<List<Loaded<Contract>>> contracts,
            PerformanceStore store, LiveFactsLoader loader, SnapshotPublisher publisher, ProjectionLease lease, PathwayScope scope,
            int dirtyBatch, Duration leaseFor, Duration renewEvery) {
        this.mongo = mongo;
        this.versions = versions;
        this.contracts = contracts;
        this.store = store;
        this.loader = loader;
        this.buckets = new DayBuckets(mongo, loader);
        this.hot = new HotDays(loader);
        this.windows = new BucketWindows(buckets);
        this.together = new Together("performance-refresh-writes", FactKind.values().length);
        this.countedFacts = new CountedFacts(java.time.Clock.systemUTC(), dirtyBatch / 2);
        this.publisher = publisher;
        this.lease = lease;
        this.scope = scope;
        this.dirtyBatch = dirtyBatch;
        this.leaseFor = leaseFor;
        this.renewEvery = renewEvery;
        this.collections = new ProjectionCollections(mongo, versions);
    }

    /**
     * One run: recompute what changed, publishing each round's cells as soon as they are committed. Does nothing while another instance or a rebuild
     * holds the lease. Holding it, no rebuild is alive, so a {@code building} pointer left behind is a
     * dead rebuild's: it is cleared first, so live writers stop writing to that version.
     *
     * @return whether it ran (false: the lease was held by someone else)
     */
    public synchronized boolean run() {
        ProjectionLease.Hold hold = take();
        if (hold == null) {
            return false;
        }
        boolean keep = false;
        try {
            ProjectionVersions.Pointer pointer = versions.read();
            collections.clearDeadBuild(pointer);
            int version = pointer.current();
            if (buckets.buildIfMissing(version, hold::check)) {
                hot.clear(); // built from the facts as they are now: nothing kept from before applies
                windows.clear();
            }
            Runnable publish = () -> publisher.publishPending(version, hold);
            worked = false;
            for (int round = 0; round < MAX_ROUNDS && refresh(version, hold, publish); round++) {
                // more dirty facts than one batch: go on (each round has published what it committed, and what was
                // left unpublished before it)
            }
            // facts keep coming: the lease is kept for the next run (released by its renewal if none comes soon);
            // a run that found nothing to do lets it go
            keep = worked;
            return true;
        } finally {
            if (keep) {
                hold.park();
                kept = hold;
            } else {
                hold.close();
            }
        }
    }

    /** The last run's hold taken up again, or the lease taken anew; null when someone else holds it or asked for it. */
    private ProjectionLease.Hold take() {
        ProjectionLease.Hold last = kept;
        kept = null;
        if (last != null) {
            ProjectionLease.Resumed resumed = last.resume();
            if (resumed == ProjectionLease.Resumed.YES) {
                return last;
            }
            last.close();
            if (resumed == ProjectionLease.Resumed.ASKED_FOR) {
                return null; // a rebuild asked for the lease: it takes it now, the schedule tries again later
            }
        }
        return lease.hold(leaseFor, renewEvery);
    }

    /** Releases the lease if a run kept it (the service stops). */
    public synchronized void release() {
        if (kept != null) {
            kept.close();
            kept = null;
        }
    }

    /** For tests: the day buckets this refresh writes. */
    DayBuckets buckets() {
        return buckets;
    }

    /** For tests: the days this refresh keeps in memory. */
    HotDays hot() {
        return hot;
    }

    /** For tests: the buckets of the cells' windows this refresh keeps in memory. */
    BucketWindows windows() {
        return windows;
    }

    void ensureIndexes() {
        int version = versions.current();
        loader.ensureIndexes(version);
        store.ensureIndexes(version);
        buckets.ensureIndexes(version);
    }

    /** One round, publishing nothing (tests of what the round stores). */
    boolean refresh(int version, ProjectionLease.Hold hold) {
        return refresh(version, hold, () -> { });
    }

    /**
     * One round.
     *
     * @param publish runs once the round's cells are committed, before its bookkeeping writes (the feeds wait for it, not for them)
     * @return whether a full batch of dirty facts was seen (there may be more)
     */
    boolean refresh(int version, ProjectionLease.Hold hold, Runnable publish) {
        try {
            return round(version, hold, publish);
        } catch (RuntimeException e) {
            hot.clear(); // what it kept may be ahead of the store, or another holder may go on from here
            windows.clear();
            countedFacts.clear(); // their flags stay set: counted again, to the same counts
            throw e;
        }
    }

    private boolean round(int version, ProjectionLease.Hold hold, Runnable publish) {
        hold.check();
        List<Loaded<Contract>> all = contracts.get();
        List<ContractTerms> terms = all.stream().map(loaded -> ContractTermsSource.terms(loaded.state())).toList();
        Map<String, Set<Quarter>> cells = new TreeMap<>();

        Map<String, Long> marks = marks(version);
        List<Loaded<Contract>> changed = all.stream()
                .filter(loaded -> loaded.version() > marks.getOrDefault(loaded.state().id(), 0L)).toList();
        Map<String, Document> uncovered = new HashMap<>();
        // the cells a holder before us was writing when it stopped: written again, with our numbers
        Set<String> inherited = new HashSet<>(hold.inherited());
        for (String key : inherited) {
            String[] parts = key.split("\\|", 3);
            Quarter.parse(parts[2]).ifPresent(quarter -> add(cells, parts[1], quarter));
        }
        for (Loaded<Contract> contract : changed) {
            ContractTerms contractTerms = ContractTermsSource.terms(contract.state());
            Set<String> coveredKeys = new HashSet<>();
            for (String district : contractTerms.districts()) {
                for (Quarter quarter : contractTerms.quarters()) {
                    add(cells, district, quarter);
                    coveredKeys.add(PerformanceSnapshot.key(contractTerms.contractId(), district, quarter.toString()));
                }
            }
            store.forContract(version, contractTerms.contractId()).forEach((key, stored) -> {
                if (!coveredKeys.contains(key)) {
                    uncovered.put(key, stored);
                }
            });
        }

        Map<FactKind, List<Document>> dirty = new HashMap<>();
        Map<String, Set<LocalDate>> days = new TreeMap<>();
        Set<HotDays.Unit> units = new HashSet<>();
        boolean more = false;
        countedFacts.follow(version, hold);
        for (FactKind kind : FactKind.values()) {
            List<Document> read = mongo.getCollection(kind.collection(version)).find(Filters.eq(LiveFacts.DIRTY, true))
                    .projection(Projections.include("district", FactChange.DAYS, LiveFacts.TOUCH, "referralId", "linkedTo"))
                    .limit(dirtyBatch).into(new ArrayList<>());
            more |= read.size() == dirtyBatch;
            List<Document> docs = countedFacts.uncounted(kind, read); // not those counted before whose flags are still set
            dirty.put(kind, docs);
            docs.forEach(doc -> {
                addDays(days, cells, doc, kind == FactKind.FIRST_TIME_ENTRANT);
                units.addAll(HotDays.units(kind, doc));
            });
        }
        addJoinedDays(version, days, cells, dirty, units);

        // the buckets of the days the facts changed on: each the sum of what its facts count, the changed ones
        // counted again (a day this holder did not keep is read whole)
        Map<String, Map<LocalDate, DayCounts>> counted = hot.counts(version, hold, days, units, hold::check);
        counted.forEach((district, byDay) -> byDay.keySet().forEach(day -> {
            if (!days.getOrDefault(district, Set.of()).contains(day)) {
                // a kept day a changed fact moved without naming it (none should): its bucket and cells too
                add(cells, district, Quarter.of(day));
                add(cells, district, Quarter.of(day).yearAfter());
            }
        }));
        // the cells, each summed from the buckets of its window (those counted now in place of the stored ones,
        // which are written after the cells are out): what is stored elsewhere is never read
        Map<String, PerformanceStore.Change> writes = new LinkedHashMap<>();
        for (Map.Entry<String, Set<Quarter>> district : cells.entrySet()) {
            hold.check();
            Map<String, Document> stored = store.forDistrict(version, district.getKey(),
                    district.getValue().stream().map(Quarter::toString).toList());
            Map<LocalDate, DayCounts> counts = windows.read(version, hold, district.getKey(), DayBuckets.daysOf(district.getValue()));
            counted.getOrDefault(district.getKey(), Map.of()).forEach((day, now) -> {
                if (now.isEmpty()) {
                    counts.remove(day);
                } else {
                    counts.put(day, now);
                }
            });
            for (PerformanceSnapshot snapshot : PerformanceCells.compute(terms, district.getKey(), district.getValue(), counts, scope)) {
                if (inherited.contains(snapshot.key()) || store.differs(snapshot, stored.get(snapshot.key()))) {
                    writes.put(snapshot.key(), PerformanceStore.Change.of(snapshot));
                }
            }
        }
        uncovered.values().forEach(stored -> {
            if (!Boolean.TRUE.equals(stored.getBoolean(PerformanceStore.REMOVED))) {
                writes.putIfAbsent(stored.getString("_id"), PerformanceStore.Change.removal(stored.getString("_id")));
            }
        });
        // an inherited cell no contract covers any more: removed, with our number
        inherited.forEach(key -> writes.putIfAbsent(key, PerformanceStore.Change.removal(key)));
        worked |= !writes.isEmpty() || !changed.isEmpty() || dirty.values().stream().anyMatch(docs -> !docs.isEmpty());
        hold.check();
        store.write(version, List.copyOf(writes.values()), hold);
        // the committed cells go out now: the writes below are bookkeeping no reader of the feeds waits for (a crash
        // before them computes the same facts again next round, and finds the cells as they are: nothing to write).
        // The buckets are written while the cells are sent (neither waits for the other), then the flags of the facts
        // they were counted from, all kinds at once, with the contracts' marks: run together, the writes of a step cost
        // about one commit of the store, and the next round waits for the last of them
        together.run(List.of(publish, () -> {
            hold.check();
            buckets.write(version, counted, hold.token());
        }));
        windows.wrote(hold, counted);
        // then the flags of the facts the buckets were counted from: not every round (a write for each kind of fact a
        // round counted), but those of a few rounds together (CountedFacts), with the contracts' marks
        boolean foundNothingNew = dirty.values().stream().allMatch(List::isEmpty);
        dirty.forEach(countedFacts::add);
        List<Runnable> bookkeeping = new ArrayList<>();
        boolean clearing = countedFacts.due(foundNothingNew);
        if (clearing) {
            // one write per kind: a fact touched since it was counted keeps its flag
            countedFacts.toClear().forEach((kind, touches) -> bookkeeping.add(() -> mongo.getCollection(kind.collection(version))
                    .bulkWrite(touches.entrySet().stream().map(fact -> (WriteModel<Document>) new UpdateOneModel<Document>(
                            Filters.and(Filters.eq("_id", fact.getKey()), Filters.eq(LiveFacts.TOUCH, fact.getValue())),
                            Updates.set(LiveFacts.DIRTY, false))).toList(), new BulkWriteOptions().ordered(false))));
        }
        for (Loaded<Contract> contract : changed) {
            bookkeeping.add(() -> mark(version, contract.state().id(), contract.version()));
        }
        together.run(bookkeeping);
        if (clearing) {
            countedFacts.clear();
        }
        return more;
    }

    /**
     * Records that a contract's cells are computed up to {@code contractVersion}; a mark only moves
     * forward. A duplicate key means the mark exists (created a moment ago, or already as new): the
     * plain update of the existing mark then moves it forward, or leaves it if it is as new already.
     */
    private void mark(int version, String contractId, long contractVersion) {
        Bson older = Filters.and(Filters.eq("_id", contractId), Filters.lt("version", contractVersion));
        Bson forward = Updates.set("version", contractVersion);
        var marks = mongo.getCollection(PerformanceStore.marksCollection(version));
        try {
            marks.updateOne(older, forward, new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
            marks.updateOne(older, forward);
        }
    }

    /**
     * A duplicate's buckets change with the referral it joined (its pathways); a referral's with the
     * link that makes it a duplicate, and with its other pathways (it counts once, on the first day of
     * a contract's window one of them reached a step).
     */
    private void addJoinedDays(int version, Map<String, Set<LocalDate>> days, Map<String, Set<Quarter>> cells,
            Map<FactKind, List<Document>> dirty, Set<HotDays.Unit> units) {
        Set<String> referralIds = new HashSet<>();
        dirty.get(FactKind.REFERRAL).forEach(doc -> {
            if (doc.getString("referralId") != null) {
                referralIds.add(doc.getString("referralId"));
            }
        });
        dirty.get(FactKind.LINK).forEach(doc -> referralIds.add(String.valueOf(doc.get("_id"))));
        if (referralIds.isEmpty()) {
            return;
        }
        loader.joinedDays(version, referralIds).forEach((kind, docs) -> docs.forEach(doc -> {
            addDays(days, cells, doc, false);
            units.addAll(HotDays.units(kind, doc));
        }));
    }

    private Map<String, Long> marks(int version) {
        Map<String, Long> marks = new HashMap<>();
        mongo.getCollection(PerformanceStore.marksCollection(version)).find()
                .forEach(doc -> marks.put(doc.getString("_id"), ((Number) doc.get("version")).longValue()));
        return marks;
    }

    /**
     * The district × days of a fact, whose buckets are recomputed, and the cells that read them; a
     * first-time entrant's also a year on, whose reduction it is the baseline of.
     */
    private static void addDays(Map<String, Set<LocalDate>> days, Map<String, Set<Quarter>> cells, Document doc, boolean baselineToo) {
        String district = doc.getString("district");
        List<?> on = doc.getList(FactChange.DAYS, Object.class);
        if (district == null || on == null) {
            return;
        }
        for (Object code : on) {
            LocalDate day;
            try {
                day = LocalDate.parse(String.valueOf(code));
            } catch (DateTimeParseException notADay) {
                continue;
            }
            days.computeIfAbsent(district, d -> new TreeSet<>()).add(day);
            Quarter quarter = Quarter.of(day);
            add(cells, district, quarter);
            if (baselineToo) {
                add(cells, district, quarter.yearAfter());
            }
        }
    }

    private static void add(Map<String, Set<Quarter>> cells, String district, Quarter quarter) {
        cells.computeIfAbsent(district, d -> new TreeSet<>()).add(quarter);
    }
}
