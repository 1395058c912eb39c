package org.saferkent.rj.rjcase.application;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.rj.rjcase.domain.Change;
import org.saferkent.rj.rjcase.domain.RjCase;

/**
 * Facilitators' work on a case: load it, let the case decide, store the new state with its events in
 * one version-checked write. A refused decision writes nothing.
 */
public class CaseWork {

    /** The case as it now is, and whether this call changed it. */
    public record Done(RjCase rjCase, boolean changed) {
    }

    private static final int ATTEMPTS = 5;

    private final AggregateStore<RjCase> cases;
    private final Clock clock;

    public CaseWork(AggregateStore<RjCase> cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /** @throws CaseNotFoundException when there is no such case */
    public Done perform(String caseId, BiFunction<RjCase, Instant, Change> decision) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Loaded<RjCase> loaded = cases.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
            Change change = decision.apply(loaded.state(), clock.instant());
            if (!change.changed()) {
                return new Done(loaded.state(), false);
            }
            try {
                cases.update(caseId, loaded.version(), change.rjCase(), change.events());
                return new Done(change.rjCase(), true);
            } catch (ConcurrentUpdateException e) {
                // the case moved on meanwhile (another request, a victim's opt-in): decide again
            }
        }
        throw new ConcurrentUpdateException(cases.collection(), caseId, -1);
    }
}
