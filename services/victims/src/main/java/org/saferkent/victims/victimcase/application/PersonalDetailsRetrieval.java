package org.saferkent.victims.victimcase.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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

/**
 * Fills in a case's personal details from referrals (claim check), after the case is open: right
 * after opening, on a small executor (never on the Kafka consumer's thread), and again from the
 * periodic retry for every case still pending — so a case never waits for referrals, and referrals
 * being down only delays the details. Details are stored apart from the case; the case only
 * records that they arrived.
 *
 * <p>Safe with several instances: storing details is idempotent and the case's flag is flipped by a
 * version-checked write.
 */
public class PersonalDetailsRetrieval {

    private static final Logger log = LoggerFactory.getLogger(PersonalDetailsRetrieval.class);
    private static final int ATTEMPTS = 5;

    private final AggregateStore<VictimCase> cases;
    private final MongoTemplate mongo;
    private final VictimDetailsStore details;
    private final SubjectDetailsSource source;
    private final Executor executor;
    private final int batchSize;
    private final Clock clock;

    public PersonalDetailsRetrieval(AggregateStore<VictimCase> cases, MongoTemplate mongo, VictimDetailsStore details,
            SubjectDetailsSource source, Executor executor, int batchSize, Clock clock) {
        this.cases = cases;
        this.mongo = mongo;
        this.details = details;
        this.source = source;
        this.executor = executor;
        this.batchSize = batchSize;
        this.clock = clock;
        // the retry's index: the pending cases, oldest first
        mongo.indexOps(cases.collection()).createIndex(new Index().on("detailsPending", Sort.Direction.ASC)
                .on("openedAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    /** Fetches the case's details soon, on the details executor; returns at once. */
    public void fetchSoon(String caseId) {
        try {
            executor.execute(() -> {
                try {
                    fill(caseId);
                } catch (RuntimeException e) {
                    log.warn("Fetching personal details for victim case {} failed; the periodic retry will: {}",
                            caseId, e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Details executor busy: victim case {} waits for the periodic retry", caseId);
        }
    }

    /** One round of the periodic retry: the oldest pending cases first. @return cases settled */
    public int fillPending() {
        Query pending = Query.query(Criteria.where("detailsPending").is(true))
                .with(Sort.by("openedAt", "_id")).limit(batchSize);
        pending.fields().include("_id");
        List<String> ids = mongo.find(pending, Document.class, cases.collection()).stream()
                .map(d -> d.getString("_id")).toList();
        int settled = 0;
        for (String id : ids) {
            if (fill(id)) {
                settled++;
            }
        }
        if (settled > 0) {
            log.info("Personal details retry: {} of {} pending victim case(s) settled", settled, ids.size());
        } else if (!ids.isEmpty()) {
            log.debug("Personal details retry: {} victim case(s) still waiting for referrals", ids.size());
        }
        return settled;
    }

    /** @return true when this call settled the case's details (received, or none held) */
    public boolean fill(String caseId) {
        Loaded<VictimCase> loaded = cases.find(caseId).orElse(null);
        if (loaded == null || !loaded.state().detailsPending()) {
            return false;
        }
        String referralId = loaded.state().referralId();
        SubjectLookup lookup = source.lookUp(referralId);
        if (lookup instanceof SubjectLookup.Found found) {
            VictimCase victimCase = loaded.state();
            if (details.save(caseId, referralId, victimCase.profile().subjectPseudonym(), victimCase.openedAt(), found.details(),
                    clock.instant())) {
                return settle(caseId, VictimCase::detailsReceived);
            }
            log.info("The subject of victim case {} was erased meanwhile: details not kept", caseId);
            return settle(caseId, VictimCase::detailsNotHeld);
        }
        if (lookup instanceof SubjectLookup.NotHeld) {
            log.info("Referrals holds no personal details for victim case {}", caseId);
            return settle(caseId, VictimCase::detailsNotHeld);
        }
        log.debug("Personal details for victim case {} still pending: {}", caseId, ((SubjectLookup.Unavailable) lookup).reason());
        return false;
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
