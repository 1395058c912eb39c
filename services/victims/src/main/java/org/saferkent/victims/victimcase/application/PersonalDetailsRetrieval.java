package org.saferkent.victims.victimcase.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.bson.Document;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.victims.victimcase.adapter.out.persistence.VictimDetailsStore;
import org.saferkent.victims.victimcase.domain.Change;
import org.saferkent.victims.victimcase.domain.VictimCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;

/**
 * Fills in a case's personal details from referrals (claim check), after the case is open: right
 * after opening, on a small executor (never on the Kafka consumer's thread), and again from the
 * periodic retry for every case still pending — so a case never waits for referrals, and referrals
 * being down only delays the details. Details are stored apart from the case; the case only
 * records that they arrived.
 *
 * <p>Safe with several instances: storing details is idempotent and the case's flag is flipped by a
 * version-checked write. Cases opened together are filled together: a claim check each, but their
 * details, new keys and flags each one store write for all of them.
 */
public class PersonalDetailsRetrieval {

    private static final Logger log = LoggerFactory.getLogger(PersonalDetailsRetrieval.class);
    private static final int ATTEMPTS = 5;
    /** The mark a case's settlement is recorded under: once per case (its details are settled once). */
    private static final String CLAIM_CHECK = "claim-check:";
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final AggregateStore<VictimCase> cases;
    private final MongoTemplate mongo;
    private final VictimDetailsStore details;
    private final SubjectDetailsSource source;
    private final Executor executor;
    private final int batchSize;
    private final Clock clock;
    private final int drains;
    private final BlockingQueue<Queued> soon;
    /** Drains running: one takes what is queued; another joins only when a whole batch waits (a backlog). */
    private final AtomicInteger draining = new AtomicInteger();

    /**
     * @param executor  where the fetches run, up to {@code drains} at a time
     * @param queue     cases waiting to be fetched at most; beyond it, the periodic retry takes them
     * @param batchSize cases filled together at most (and retried per round)
     */
    public PersonalDetailsRetrieval(AggregateStore<VictimCase> cases, MongoTemplate mongo, VictimDetailsStore details,
            SubjectDetailsSource source, Executor executor, int drains, int queue, int batchSize, Clock clock) {
        this.cases = cases;
        this.mongo = mongo;
        this.details = details;
        this.source = source;
        this.executor = executor;
        this.batchSize = batchSize;
        this.drains = drains;
        this.soon = new LinkedBlockingQueue<>(queue);
        this.clock = clock;
        // the retry's index: the pending cases, oldest first
        mongo.indexOps(cases.collection()).createIndex(new Index().on("detailsPending", Sort.Direction.ASC)
                .on("openedAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    /** A case whose details are to be fetched, with the context (trace, correlation) of the routing that opened it. */
    private record Queued(String caseId, ContextSnapshot context) {
    }

    /**
     * Queues the case's details to be fetched by the next {@link #drainSoon}. A poll's cases are all queued first,
     * so one drain takes them together, however busy the machine (a drain started at the first would take them as
     * they come, a few at a time): each still its own claim check, in its own routing's trace, but stored with a
     * few writes for all of them ({@link #fillAll}).
     */
    public void queue(String caseId) {
        if (!soon.offer(new Queued(caseId, SNAPSHOTS.captureAll()))) {
            log.debug("Details queue full: victim case {} waits for the periodic retry", caseId);
        }
    }

    /** Fetches the queued cases' details soon, on the details executor; returns at once. */
    public void drainSoon() {
        for (int running = draining.get(); running == 0 || running < drains && soon.size() >= batchSize; running = draining.get()) {
            if (draining.compareAndSet(running, running + 1)) {
                try {
                    executor.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    draining.decrementAndGet();
                    log.debug("Details executor busy: the victim cases queued wait for a running drain or the periodic retry");
                }
                return;
            }
        }
    }

    private void drain() {
        try {
            for (List<Queued> batch = take(); !batch.isEmpty(); batch = take()) {
                try {
                    fillAll(batch);
                } catch (RuntimeException e) {
                    log.warn("Fetching personal details for {} victim case(s) failed; the periodic retry will: {}",
                            batch.size(), e.getClass().getSimpleName());
                }
            }
        } finally {
            draining.decrementAndGet();
            if (!soon.isEmpty()) {
                drainSoon(); // queued after the last take, before the flag was down
            }
        }
    }

    private List<Queued> take() {
        List<Queued> batch = new ArrayList<>();
        for (Queued next; batch.size() < batchSize && (next = soon.poll()) != null; ) {
            batch.add(next);
        }
        return batch;
    }

    /** One round of the periodic retry: the oldest pending cases first. @return cases settled */
    public int fillPending() {
        Query pending = Query.query(Criteria.where("detailsPending").is(true))
                .with(Sort.by("openedAt", "_id")).limit(batchSize);
        pending.fields().include("_id");
        List<String> ids = mongo.find(pending, Document.class, cases.collection()).stream()
                .map(d -> d.getString("_id")).toList();
        int settled = ids.isEmpty() ? 0 : fillAll(ids.stream().map(id -> new Queued(id, null)).toList());
        if (settled > 0) {
            log.info("Personal details retry: {} of {} pending victim case(s) settled", settled, ids.size());
        } else if (!ids.isEmpty()) {
            log.debug("Personal details retry: {} victim case(s) still waiting for referrals", ids.size());
        }
        return settled;
    }

    /**
     * Fills in the details of the cases still pending: one claim check each (in the case's own context), then the
     * details that came stored in one bulk write (with the new subjects' keys in one insert), and the cases
     * settled in one bulk write; a case that moved on meanwhile is settled again on its own.
     *
     * @return the cases this call settled (details received, or none held)
     */
    private int fillAll(List<Queued> batch) {
        Map<String, Loaded<VictimCase>> loaded = cases.findAll(batch.stream().map(Queued::caseId).toList());
        List<VictimDetailsStore.Fetched> found = new ArrayList<>();
        Map<String, BiFunction<VictimCase, Instant, Change>> decisions = new LinkedHashMap<>();
        for (Queued queued : batch) {
            Loaded<VictimCase> victimCase = loaded.get(queued.caseId());
            if (victimCase == null || !victimCase.state().detailsPending() || decisions.containsKey(queued.caseId())) {
                continue;
            }
            String referralId = victimCase.state().referralId();
            SubjectLookup lookup;
            try (ContextSnapshot.Scope scope = queued.context() == null ? null : queued.context().setThreadLocals()) {
                lookup = source.lookUp(referralId);
            }
            if (lookup instanceof SubjectLookup.Found fetched) {
                found.add(new VictimDetailsStore.Fetched(queued.caseId(), referralId, victimCase.state().profile().subjectPseudonym(),
                        victimCase.state().openedAt(), fetched.details()));
                decisions.put(queued.caseId(), VictimCase::detailsReceived);
            } else if (lookup instanceof SubjectLookup.NotHeld) {
                log.info("Referrals holds no personal details for victim case {}", queued.caseId());
                decisions.put(queued.caseId(), VictimCase::detailsNotHeld);
            } else {
                log.debug("Personal details for victim case {} still pending: {}", queued.caseId(),
                        ((SubjectLookup.Unavailable) lookup).reason());
            }
        }
        Set<String> saved = found.isEmpty() ? Set.of() : details.saveAll(found, clock.instant());
        for (VictimDetailsStore.Fetched fetched : found) {
            if (!saved.contains(fetched.caseId())) {
                log.info("The subject of victim case {} was erased meanwhile: details not kept", fetched.caseId());
                decisions.put(fetched.caseId(), VictimCase::detailsNotHeld);
            }
        }
        return settleAll(loaded, decisions);
    }

    /** Settles the cases in one bulk write (each if still at the version read); those that moved on, one by one. */
    private int settleAll(Map<String, Loaded<VictimCase>> loaded, Map<String, BiFunction<VictimCase, Instant, Change>> decisions) {
        List<AggregateStore.Change<VictimCase>> changes = new ArrayList<>();
        decisions.forEach((caseId, decision) -> {
            Loaded<VictimCase> victimCase = loaded.get(caseId);
            Change change = decision.apply(victimCase.state(), clock.instant());
            if (change.changed()) {
                changes.add(new AggregateStore.Change<>(caseId, victimCase.version(), change.victimCase(), change.events(),
                        CLAIM_CHECK + caseId, null));
            }
        });
        int settled = changes.size();
        for (AggregateStore.Change<VictimCase> movedOn : cases.applyAllOnce(changes)) {
            settled--;
            if (settle(movedOn.id(), decisions.get(movedOn.id()))) {
                settled++;
            }
        }
        return settled;
    }

    private boolean settle(String caseId, BiFunction<VictimCase, Instant, Change> decision) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Loaded<VictimCase> loaded = cases.find(caseId).orElse(null);
            if (loaded == null) {
                return false;
            }
            Change change = decision.apply(loaded.state(), clock.instant());
            if (!change.changed()) {
                return false; // settled meanwhile by another fetch
            }
            try {
                cases.update(caseId, loaded.version(), change.victimCase(), change.events());
                return true;
            } catch (ConcurrentUpdateException e) {
                // a case worker or the scanner changed it meanwhile: decide again
            }
        }
        return false; // still pending: the periodic retry comes back to it
    }
}
