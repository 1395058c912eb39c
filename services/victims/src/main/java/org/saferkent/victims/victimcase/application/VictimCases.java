package org.saferkent.victims.victimcase.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.victims.victimcase.domain.VictimCase;

/** Opens and reads victim cases. */
public class VictimCases {

    private final AggregateStore<VictimCase> cases;
    private final Set<String> pathways;
    private final Clock clock;

    public VictimCases(AggregateStore<VictimCase> cases, Set<String> pathways, Clock clock) {
        this.cases = cases;
        this.pathways = pathways;
        this.clock = clock;
    }

    /** Opens the case for a routed referral, exactly once per referral; other pathways are not ours. */
    public void referralRouted(String referralId, String district, String category, String pathway) {
        if (!pathways.contains(pathway)) {
            return;
        }
        VictimCase opened = VictimCase.open(referralId, district, category, pathway, clock.instant());
        cases.insert(opened.id(), opened, List.of(opened.opened())); // false = opened already: nothing to do
    }

    public Optional<VictimCase> find(String id) {
        return cases.find(id).map(Loaded::state);
    }
}
