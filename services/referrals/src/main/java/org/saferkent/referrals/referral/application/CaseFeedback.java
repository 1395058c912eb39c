package org.saferkent.referrals.referral.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.referrals.referral.domain.Referral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a referral's status in step with the cases opened from it (victims, restorative justice):
 * accepted, closed with outcome. Each inbound event is applied once (its id is recorded in the same
 * write as the change). No case service publishes a decline today (victims and restorative justice
 * open a case for every referral routed to them), so none is heard here.
 */
public class CaseFeedback {

    private static final Logger log = LoggerFactory.getLogger(CaseFeedback.class);
    private static final int ATTEMPTS = 5;

    private final AggregateStore<Referral> referrals;
    private final Clock clock;

    public CaseFeedback(AggregateStore<Referral> referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    /** One case event's change to its referral, staged to be applied with the rest of its poll ({@link #applyAll}). */
    public record Feedback(String eventId, String referralId, Function<Referral, Referral.Change> change,
            org.saferkent.platform.events.EventTracing.Origin origin) {
    }

    public void caseOpened(String eventId, String referralId, String pathway, String caseId) {
        apply(opened(eventId, referralId, pathway, caseId));
    }

    public void caseClosed(String eventId, String referralId, String pathway, String caseId, String outcome) {
        apply(closed(eventId, referralId, pathway, caseId, outcome));
    }

    public Feedback opened(String eventId, String referralId, String pathway, String caseId) {
        return new Feedback(eventId, referralId, referral -> referral.caseOpened(pathway, caseId, clock.instant()),
                referrals.origin());
    }

    public Feedback closed(String eventId, String referralId, String pathway, String caseId, String outcome) {
        return new Feedback(eventId, referralId, referral -> referral.caseClosed(pathway, caseId, outcome, clock.instant()),
                referrals.origin());
    }

    /**
     * Applies a poll's case events: one read of their referrals and one bulk write for the first event of
     * each referral, exactly once each as {@link #apply} would; a referral's later events in the same poll,
     * and any change whose referral moved on meanwhile, are then applied one by one, in order. Under load a
     * poll holds many referrals' events, so the store writes per event fall.
     */
    public void applyAll(List<Feedback> poll) {
        Map<String, Feedback> firsts = new LinkedHashMap<>();
        List<Feedback> later = new ArrayList<>();
        for (Feedback feedback : poll) {
            if (firsts.putIfAbsent(feedback.referralId(), feedback) != null) {
                later.add(feedback);
            }
        }
        Map<String, Loaded<Referral>> loaded = referrals.findAll(firsts.keySet());
        Map<AggregateStore.Change<Referral>, Feedback> staged = new LinkedHashMap<>();
        for (Feedback feedback : firsts.values()) {
            Loaded<Referral> referral = loaded.get(feedback.referralId());
            if (referral == null) {
                log.warn("Case event {} names referral {} which is not known here; ignored", feedback.eventId(), feedback.referralId());
                continue;
            }
            Referral.Change result = feedback.change().apply(referral.state());
            staged.put(new AggregateStore.Change<>(feedback.referralId(), referral.version(), result.referral(), result.events(),
                    feedback.eventId(), feedback.origin()), feedback);
        }
        for (AggregateStore.Change<Referral> movedOn : referrals.applyAllOnce(List.copyOf(staged.keySet()))) {
            apply(staged.get(movedOn));
        }
        later.forEach(this::apply);
    }

    private void apply(Feedback feedback) {
        String eventId = feedback.eventId();
        String referralId = feedback.referralId();
        Function<Referral, Referral.Change> change = feedback.change();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Loaded<Referral> loaded = referrals.find(referralId).orElse(null);
            if (loaded == null) {
                log.warn("Case event {} names referral {} which is not known here; ignored", eventId, referralId);
                return;
            }
            Referral.Change result = change.apply(loaded.state());
            try {
                referrals.applyOnce(referralId, loaded.version(), result.referral(), result.events(), eventId);
                return;
            } catch (ConcurrentUpdateException e) {
                // the referral moved on meanwhile (another event, the clock scanner): decide again
            }
        }
        throw new ConcurrentUpdateException("referrals", referralId, -1);
    }
}
