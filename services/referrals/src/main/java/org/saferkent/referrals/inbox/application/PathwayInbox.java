package org.saferkent.referrals.inbox.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.referrals.inbox.domain.CloseOutcome;
import org.saferkent.referrals.inbox.domain.DeclineReason;
import org.saferkent.referrals.inbox.domain.Inbox;
import org.saferkent.referrals.inbox.domain.PathwayOwner;
import org.saferkent.referrals.referral.domain.District;
import org.saferkent.referrals.referral.domain.PathwayState;
import org.saferkent.referrals.referral.domain.Referral;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.model.Indexes;

/**
 * A partner team's inbox of referrals routed to the pathways it delivers (youth prevention, substance misuse, an
 * ASB case, troubled families): it lists them, and its answer — accepted, declined with a reason, closed with an
 * outcome — is written on the referral itself, through its aggregate store, with the same events a case service's
 * answer produces ({@code ReferralAccepted}, {@code ReferralDeclined}, {@code ReferralClosed}) in the same
 * version-checked write. The first answer meets the referral's triage clock, as a case opened by victims or
 * restorative justice does.
 */
public class PathwayInbox {

    private static final int ATTEMPTS = 5;

    /** What to list; null fields do not filter. */
    public record Filter(String pathway, String status, District district) {
    }

    public record Page(List<Referral> items, int page, int size, long total) {
    }

    private final AggregateStore<Referral> referrals;
    private final MongoTemplate mongo;
    private final Clock clock;

    public PathwayInbox(AggregateStore<Referral> referrals, MongoTemplate mongo, Clock clock) {
        this.referrals = referrals;
        this.mongo = mongo;
        this.clock = clock;
        // an inbox: the referrals routed to its pathways, in its districts, newest first
        mongo.getCollection(referrals.collection()).createIndex(Indexes.ascending("pathways.pathway", "district", "receivedAt"));
    }

    /** The referrals in the inbox (one query branch per team, so a council's ASB team sees its own district only). */
    public Page list(Inbox inbox, Filter filter, int page, int size) {
        List<Criteria> branches = new ArrayList<>();
        for (PathwayOwner team : inbox.teams()) {
            Set<String> pathways = new TreeSet<>(team.pathways());
            if (filter.pathway() != null) {
                pathways.retainAll(Set.of(filter.pathway()));
            }
            Set<District> districts = new TreeSet<>(team.countywide() ? Set.of(District.values()) : team.districts());
            if (filter.district() != null) {
                districts.retainAll(Set.of(filter.district()));
            }
            if (pathways.isEmpty() || districts.isEmpty()) {
                continue;
            }
            Criteria branch = Criteria.where("pathways.pathway").in(pathways);
            if (!team.countywide() || filter.district() != null) {
                branch = branch.and("district").in(districts.stream().map(Enum::name).toList());
            }
            if (filter.status() != null) {
                branch = branch.and("pathways").elemMatch(Criteria.where("pathway").in(pathways).and("status").is(filter.status()));
            }
            branches.add(branch);
        }
        if (branches.isEmpty()) {
            return new Page(List.of(), page, size, 0);
        }
        Query query = Query.query(branches.size() == 1 ? branches.get(0) : new Criteria().orOperator(branches));
        long total = mongo.count(query, referrals.collection());
        query.with(Sort.by(Sort.Direction.DESC, "receivedAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new Page(mongo.find(query, Referral.class, referrals.collection()), page, size, total);
    }

    /** The team takes the referral on: a case of its own is opened, and the triage clock is met. Accepting twice changes nothing. */
    public Referral accept(Inbox inbox, String referralId, String pathway) {
        return answer(inbox, referralId, pathway, (referral, state, now) -> switch (state.status()) {
            case PathwayState.ROUTED -> referral.caseOpened(pathway, caseId(pathway, referralId), now);
            case PathwayState.ACCEPTED -> new Referral.Change(referral, List.of());
            default -> throw new InboxRuleViolation("answered", "The referral was already " + state.status()
                    + " for " + pathway + ": it cannot be accepted now.");
        });
    }

    /** The team will not take it on, and says why (meets the triage clock too). Declining again changes nothing. */
    public Referral decline(Inbox inbox, String referralId, String pathway, DeclineReason reason) {
        return answer(inbox, referralId, pathway, (referral, state, now) -> switch (state.status()) {
            case PathwayState.ROUTED -> referral.caseDeclined(pathway, null, reason.code(), now);
            case PathwayState.DECLINED -> new Referral.Change(referral, List.of());
            default -> throw new InboxRuleViolation("answered", "The referral was already " + state.status()
                    + " for " + pathway + ": close it with an outcome instead of declining it.");
        });
    }

    /** The team's work with the person ended, with its outcome. Only what was accepted can be closed; closing twice changes nothing. */
    public Referral close(Inbox inbox, String referralId, String pathway, CloseOutcome outcome) {
        return answer(inbox, referralId, pathway, (referral, state, now) -> switch (state.status()) {
            case PathwayState.ACCEPTED -> referral.caseClosed(pathway, state.caseId(), outcome.code(), now);
            case PathwayState.CLOSED -> new Referral.Change(referral, List.of());
            default -> throw new InboxRuleViolation("not-accepted", "The referral is " + state.status()
                    + " for " + pathway + ": only an accepted referral can be closed.");
        });
    }

    /** The team's case for the referral on the pathway: one per referral and pathway, so a retried answer is the same one. */
    static String caseId(String pathway, String referralId) {
        return pathway + "-" + referralId;
    }

    @FunctionalInterface
    private interface Decision {
        Referral.Change decide(Referral referral, PathwayState state, Instant now);
    }

    private Referral answer(Inbox inbox, String referralId, String pathway, Decision decision) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Loaded<Referral> loaded = referrals.find(referralId).orElseThrow(NotInInboxException::new);
            Referral referral = loaded.state();
            PathwayState state = inbox.ownedPathways(referral).stream().filter(s -> s.pathway().equals(pathway)).findFirst()
                    .orElseThrow(NotInInboxException::new);
            Referral.Change change = decision.decide(referral, state, clock.instant());
            if (!change.changed()) {
                return referral;
            }
            try {
                referrals.update(referralId, loaded.version(), change.referral(), change.events());
                return change.referral();
            } catch (ConcurrentUpdateException e) {
                // a case event, the clock scan or another answer moved it on meanwhile: decide again
            }
        }
        throw new ConcurrentUpdateException("referrals", referralId, -1);
    }
}
