package org.saferkent.victims.victimcase.application;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.victims.victimcase.domain.Change;
import org.saferkent.victims.victimcase.domain.EntitlementRules;
import org.saferkent.victims.victimcase.domain.VictimCase;
import org.saferkent.victims.victimcase.domain.VictimCodeTimeLimits;
import org.saferkent.victims.victimcase.domain.VictimProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens victim cases from referrals and keeps them in step with referral events. A case opens
 * exactly once per referral, whatever the redeliveries (its id derives from the referral id); the
 * victim's details are fetched afterwards, never while the event is being handled.
 */
public class VictimCases {

    private static final Logger log = LoggerFactory.getLogger(VictimCases.class);
    private static final int ATTEMPTS = 5;

    private final AggregateStore<VictimCase> cases;
    private final Set<String> pathways;
    private final EntitlementRules entitlement;
    private final VictimCodeTimeLimits timeLimits;
    private final PersonalDetailsRetrieval details;
    private final Clock clock;

    public VictimCases(AggregateStore<VictimCase> cases, Set<String> pathways, EntitlementRules entitlement,
            VictimCodeTimeLimits timeLimits, PersonalDetailsRetrieval details, Clock clock) {
        this.cases = cases;
        this.pathways = Set.copyOf(pathways);
        this.entitlement = entitlement;
        this.timeLimits = timeLimits;
        this.details = details;
        this.clock = clock;
    }

    /**
     * Opens the case for a referral routed to a victims pathway; other pathways are not ours. A
     * second victims pathway of the same referral (or a redelivery) finds the case open already.
     */
    public void referralRouted(String eventId, String referralId, String district, String category, String pathway,
            VictimProfile profile) {
        if (!pathways.contains(pathway)) {
            return;
        }
        Change opened = VictimCase.open(referralId, district, category, pathway, profile, entitlement, timeLimits,
                clock.instant());
        String id = opened.victimCase().id();
        if (cases.insert(id, opened.victimCase(), opened.events())) {
            log.info("Victim case {} opened for referral {} ({})", id, referralId, pathway);
            details.fetchSoon(id);
            return;
        }
        apply(eventId, id, victimCase -> victimCase.addPathway(pathway, clock.instant()));
    }

    /** A duplicate referral joins the case of the referral it duplicates, if that case exists. */
    public void referralLinked(String eventId, String referralId, String linkedTo) {
        String id = VictimCase.idFor(linkedTo);
        if (cases.find(id).isEmpty()) {
            log.info("Referral {} duplicates referral {}, which has no victim case here; ignored", referralId, linkedTo);
            return;
        }
        apply(eventId, id, victimCase -> victimCase.joinReferral(referralId, clock.instant()));
    }

    public Optional<Loaded<VictimCase>> find(String id) {
        return cases.find(id);
    }

    private void apply(String eventId, String id, Function<VictimCase, Change> decision) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Loaded<VictimCase> loaded = cases.find(id).orElseThrow();
            Change change = decision.apply(loaded.state());
            if (!change.changed()) {
                return;
            }
            try {
                cases.applyOnce(id, loaded.version(), change.victimCase(), change.events(), eventId);
                return;
            } catch (ConcurrentUpdateException e) {
                // the case moved on meanwhile: decide again
            }
        }
        throw new ConcurrentUpdateException(cases.collection(), id, -1);
    }
}
