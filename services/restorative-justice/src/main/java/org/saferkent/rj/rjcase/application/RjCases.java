package org.saferkent.rj.rjcase.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.rj.rjcase.domain.RjCase;

/** Opens and reads restorative justice cases. */
public class RjCases {

    private final AggregateStore<RjCase> cases;
    private final Set<String> pathways;
    private final Clock clock;

    public RjCases(AggregateStore<RjCase> cases, Set<String> pathways, Clock clock) {
        this.cases = cases;
        this.pathways = pathways;
        this.clock = clock;
    }

    /** Opens the case for a referral routed to restorative justice, exactly once per referral. */
    public void referralRouted(String referralId, String district, String category, String pathway) {
        if (!pathways.contains(pathway)) {
            return;
        }
        RjCase opened = RjCase.fromReferral(referralId, district, category, clock.instant());
        cases.insert(opened.id(), opened, List.of(opened.opened()));
    }

    public Optional<RjCase> find(String id) {
        return cases.find(id).map(Loaded::state);
    }
}
