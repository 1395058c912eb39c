package org.saferkent.victims.victimcase.application;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.victims.victimcase.domain.Change;
import org.saferkent.victims.victimcase.domain.VictimCase;

/**
 * Case workers' work on a case: load it, let the case decide, and store the new state with its
 * events in one version-checked write (plus an ops event per missed deadline). A refused decision
 * writes nothing.
 */
public class CaseWork {

    private static final int ATTEMPTS = 5;

    private final AggregateStore<VictimCase> cases;
    private final String service;
    private final Clock clock;

    public CaseWork(AggregateStore<VictimCase> cases, String service, Clock clock) {
        this.cases = cases;
        this.service = service;
        this.clock = clock;
    }

    /**
     * @return the case as it now is, with its version
     * @throws CaseNotFoundException when there is no such case
     */
    public Loaded<VictimCase> perform(String caseId, BiFunction<VictimCase, Instant, Change> decision) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Loaded<VictimCase> loaded = cases.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
            Change change = decision.apply(loaded.state(), clock.instant());
            if (!change.changed()) {
                return loaded;
            }
            try {
                cases.update(caseId, loaded.version(), change.victimCase(),
                        MissedDeadlines.withOpsEvents(service, change.events()));
                return new Loaded<>(change.victimCase(), loaded.version() + 1);
            } catch (ConcurrentUpdateException e) {
                // the case moved on meanwhile (the deadline scanner, details arriving): decide again
            }
        }
        throw new ConcurrentUpdateException(cases.collection(), caseId, -1);
    }
}
