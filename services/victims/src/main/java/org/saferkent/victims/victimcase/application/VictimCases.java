package org.saferkent.victims.victimcase.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final PendingLinks pendingLinks;
    private final Clock clock;

    public VictimCases(AggregateStore<VictimCase> cases, Set<String> pathways, EntitlementRules entitlement,
            VictimCodeTimeLimits timeLimits, PersonalDetailsRetrieval details, PendingLinks pendingLinks, Clock clock) {
        this.cases = cases;
        this.pendingLinks = pendingLinks;
        this.pathways = Set.copyOf(pathways);
        this.entitlement = entitlement;
        this.timeLimits = timeLimits;
        this.details = details;
        this.clock = clock;
    }

    /**
     * Opens the case for a referral routed to a victims pathway; other pathways are not ours. A
     * second victims pathway of the same referral (or a redelivery) finds the case open already.
     * Duplicates linked to the referral before its case opened join it now, as they would have in order.
     * The Victims' Code time limits run from {@code routedAt}, not from when this consumer got to the event.
     */
    public void referralRouted(String eventId, String referralId, String district, String category, String pathway,
            VictimProfile profile, Instant routedAt) {
        AggregateStore.New<VictimCase> opening = opening(referralId, district, category, pathway, profile, routedAt);
        if (opening == null) {
            return;
        }
        openAll(List.of(opening));
        routed(eventId, referralId, pathway);
    }

    /**
     * The case a routing would open (its first step, for a whole poll of routings: {@link #openAll}, then
     * {@link #routed} for each routing in order), or null when the pathway is not a victims pathway.
     */
    public AggregateStore.New<VictimCase> opening(String referralId, String district, String category, String pathway,
            VictimProfile profile, Instant routedAt) {
        if (!pathways.contains(pathway)) {
            return null;
        }
        Change opened = VictimCase.open(referralId, district, category, pathway, profile, entitlement, timeLimits,
                routedAt, clock.instant());
        return new AggregateStore.New<>(opened.victimCase().id(), opened.victimCase(), opened.events(), cases.origin());
    }

    /**
     * Opens a poll's cases in one store write (a referral routed to two victims pathways in one poll: its
     * first routing opens the case, the other joins it in {@link #routed}); cases that exist already are
     * left as they are. Each case opened now has its personal details fetched soon, by its routing's follow-up.
     */
    /** The cases the last {@link #openAll} opened whose routing has not been followed up yet (one consumer thread). */
    private final Set<String> openedNow = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public void openAll(List<AggregateStore.New<VictimCase>> openings) {
        Map<String, AggregateStore.New<VictimCase>> firsts = new LinkedHashMap<>();
        openings.forEach(opening -> firsts.putIfAbsent(opening.id(), opening));
        if (!openedNow.isEmpty()) {
            details.drainSoon(); // a routing of the previous poll was not followed up: fetch what the others queued
        }
        openedNow.clear();
        for (String id : cases.insertAll(List.copyOf(firsts.values()))) {
            log.info("Victim case {} opened for referral {} ({})", id, firsts.get(id).state().referralId(),
                    firsts.get(id).state().pathways());
            openedNow.add(id);
        }
    }

    /**
     * What a routing does once its case exists (after {@link #openAll}; idempotent, so on any redelivery
     * too): a second victims pathway of the referral joins the case, once per event, and duplicates linked
     * to the referral before its case opened join it now, as they would have in order.
     */
    public void routed(String eventId, String referralId, String pathway) {
        if (!pathways.contains(pathway)) {
            return;
        }
        String id = VictimCase.idFor(referralId);
        if (openedNow.remove(id)) {
            details.queue(id); // here, in the routing's own trace: the claim check follows the referral
            if (openedNow.isEmpty()) {
                details.drainSoon(); // the poll's last opened case: one drain takes them all
            }
        }
        apply(eventId, id, victimCase -> victimCase.addPathway(pathway, clock.instant()));
        joinWaitingDuplicates(referralId, id);
    }

    /**
     * A duplicate referral joins the case of the referral it duplicates. If that case is not open (yet),
     * the link waits for it: it joins when the referral's routing opens the case, and never opens one.
     */
    public void referralLinked(String eventId, String referralId, String linkedTo) {
        String id = VictimCase.idFor(linkedTo);
        if (cases.find(id).isPresent()) {
            apply(eventId, id, victimCase -> victimCase.joinReferral(referralId, clock.instant()));
            return;
        }
        PendingLinks.PendingLink link = new PendingLinks.PendingLink(referralId, eventId);
        pendingLinks.remember(linkedTo, link);
        // the case may have opened meanwhile, before the link was remembered: its opening would have missed it
        if (cases.find(id).isEmpty()) {
            log.info("Referral {} duplicates referral {}, which has no victim case here yet; the link waits for it",
                    referralId, linkedTo);
            return;
        }
        apply(eventId, id, victimCase -> victimCase.joinReferral(referralId, clock.instant()));
        pendingLinks.forget(linkedTo, link);
    }

    /**
     * Each write here is checked and idempotent on its own: the join is applied once per link event (the
     * case records the event's id), and a link is forgotten only once the case holds it.
     */
    private void joinWaitingDuplicates(String referralId, String id) {
        for (PendingLinks.PendingLink waiting : pendingLinks.waitingFor(referralId)) {
            apply(waiting.eventId(), id, victimCase -> victimCase.joinReferral(waiting.referralId(), clock.instant()));
            log.info("Referral {}, linked before its case opened, joined victim case {}", waiting.referralId(), id);
            pendingLinks.forget(referralId, waiting);
        }
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
