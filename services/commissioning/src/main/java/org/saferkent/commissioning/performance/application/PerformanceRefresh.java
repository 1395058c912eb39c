package org.saferkent.commissioning.performance.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.Document;
import org.saferkent.commissioning.activity.application.FactChange;
import org.saferkent.commissioning.activity.application.FactKind;
import org.saferkent.commissioning.activity.application.LiveFacts;
import org.saferkent.commissioning.activity.application.ProjectionVersions;
import org.saferkent.commissioning.contract.application.Contracts;
import org.saferkent.commissioning.contract.domain.Contract;
import org.saferkent.commissioning.performance.domain.ContractTerms;
import org.saferkent.commissioning.performance.domain.PathwayScope;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;
import org.saferkent.platform.workingdays.Quarter;
import org.saferkent.platform.outbox.Loaded;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/**
 * Keeps the performance projection up to date, lazily: every round (a few seconds apart) it takes the
 * fact documents marked dirty and the contracts changed since the last round, recomputes the
 * contract × district × quarter cells they touch, stores the snapshots that changed (each with a new
 * feed sequence) and publishes them. Many events between two rounds make one snapshot. One instance
 * at a time does this (a lease), so sequence numbers are written in order.
 */
public class PerformanceRefresh {

    /** Rounds within one run while there is more dirty work than one batch. */
    private static final int MAX_ROUNDS = 20;

    private final MongoTemplate mongo;
    private final ProjectionVersions versions;
    private final Contracts contracts;
    private final PerformanceStore store;
    private final LiveFactsLoader loader;
    private final SnapshotPublisher publisher;
    private final ProjectionLease lease;
    private final PathwayScope scope;
    private final int dirtyBatch;
    private final Duration leaseFor;

    PerformanceRefresh(MongoTemplate mongo, ProjectionVersions versions, Contracts contracts, PerformanceStore store,
            LiveFactsLoader loader, SnapshotPublisher publisher, ProjectionLease lease, PathwayScope scope, int dirtyBatch,
            Duration leaseFor) {
        this.mongo = mongo;
        this.versions = versions;
        this.contracts = contracts;
        this.store = store;
        this.loader = loader;
        this.publisher = publisher;
        this.lease = lease;
        this.scope = scope;
        this.dirtyBatch = dirtyBatch;
        this.leaseFor = leaseFor;
    }

    /** One run: recompute what changed, then publish. Does nothing while another instance or a rebuild holds the lease. */
    public void run() {
        if (!lease.tryAcquire(leaseFor)) {
            return;
        }
        try {
            int version = versions.current();
            for (int round = 0; round < MAX_ROUNDS && refresh(version); round++) {
                // more dirty facts than one batch: go on
            }
            publisher.publishPending(version);
        } finally {
            lease.release();
        }
    }

    void ensureIndexes() {
        int version = versions.current();
        loader.ensureIndexes(version);
        store.ensureIndexes(version);
    }

    /** @return whether a full batch of dirty facts was seen (there may be more) */
    private boolean refresh(int version) {
        List<Loaded<Contract>> all = contracts.all();
        List<ContractTerms> terms = all.stream().map(loaded -> ContractTermsSource.terms(loaded.state())).toList();
        Map<String, Set<Quarter>> cells = new TreeMap<>();

        Map<String, Long> marks = marks(version);
        List<Loaded<Contract>> changed = all.stream()
                .filter(loaded -> loaded.version() > marks.getOrDefault(loaded.state().id(), 0L)).toList();
        Map<String, Document> uncovered = new HashMap<>();
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
        boolean more = false;
        for (FactKind kind : FactKind.values()) {
            List<Document> docs = mongo.getCollection(kind.collection(version)).find(Filters.eq(LiveFacts.DIRTY, true))
                    .projection(Projections.include("district", FactChange.QUARTERS, LiveFacts.TOUCH, "referralId", "linkedTo"))
                    .limit(dirtyBatch).into(new ArrayList<>());
            dirty.put(kind, docs);
            more |= docs.size() == dirtyBatch;
            docs.forEach(doc -> addCells(cells, doc, kind == FactKind.FIRST_TIME_ENTRANT));
        }
        addJoinedCells(version, cells, dirty);

        for (Map.Entry<String, Set<Quarter>> district : cells.entrySet()) {
            Map<String, Document> stored = store.forDistrict(version, district.getKey(),
                    district.getValue().stream().map(Quarter::toString).toList());
            var facts = loader.load(version, district.getKey(), district.getValue());
            for (PerformanceSnapshot snapshot : PerformanceCells.compute(terms, district.getKey(), district.getValue(), facts, scope)) {
                store.save(version, snapshot, stored.get(snapshot.key()));
            }
        }
        uncovered.values().forEach(stored -> store.remove(version, stored));

        dirty.forEach((kind, docs) -> docs.forEach(doc -> mongo.getCollection(kind.collection(version)).updateOne(
                Filters.and(Filters.eq("_id", doc.get("_id")), Filters.eq(LiveFacts.TOUCH, doc.get(LiveFacts.TOUCH))),
                Updates.set(LiveFacts.DIRTY, false))));
        for (Loaded<Contract> contract : changed) {
            mongo.getCollection(PerformanceStore.marksCollection(version)).replaceOne(Filters.eq("_id", contract.state().id()),
                    new Document("_id", contract.state().id()).append("version", contract.version()), new ReplaceOptions().upsert(true));
        }
        return more;
    }

    /** A duplicate's cells change with the referral it joined (its pathways), and the duplicate's own referral rows with the link. */
    private void addJoinedCells(int version, Map<String, Set<Quarter>> cells, Map<FactKind, List<Document>> dirty) {
        Set<String> referralIds = new HashSet<>();
        dirty.get(FactKind.REFERRAL).forEach(doc -> {
            if (doc.getString("referralId") != null) {
                referralIds.add(doc.getString("referralId"));
            }
        });
        if (!referralIds.isEmpty()) {
            loader.find(version, FactKind.LINK, Filters.in("linkedTo", referralIds)).forEach(doc -> addCells(cells, doc, false));
        }
        Set<String> duplicates = new HashSet<>();
        dirty.get(FactKind.LINK).forEach(doc -> duplicates.add(String.valueOf(doc.get("_id"))));
        if (!duplicates.isEmpty()) {
            loader.find(version, FactKind.REFERRAL, Filters.in("referralId", duplicates)).forEach(doc -> addCells(cells, doc, false));
        }
    }

    private Map<String, Long> marks(int version) {
        Map<String, Long> marks = new HashMap<>();
        mongo.getCollection(PerformanceStore.marksCollection(version)).find()
                .forEach(doc -> marks.put(doc.getString("_id"), ((Number) doc.get("version")).longValue()));
        return marks;
    }

    /** The district × quarters of a fact; a first-time entrant's also a year on, whose reduction it is the baseline of. */
    private static void addCells(Map<String, Set<Quarter>> cells, Document doc, boolean baselineToo) {
        String district = doc.getString("district");
        List<?> quarters = doc.getList(FactChange.QUARTERS, Object.class);
        if (district == null || quarters == null) {
            return;
        }
        for (Object code : quarters) {
            Quarter.parse(String.valueOf(code)).ifPresent(quarter -> {
                add(cells, district, quarter);
                if (baselineToo) {
                    add(cells, district, quarter.yearAfter());
                }
            });
        }
    }

    private static void add(Map<String, Set<Quarter>> cells, String district, Quarter quarter) {
        cells.computeIfAbsent(district, d -> new TreeSet<>()).add(quarter);
    }
}
