package org.saferkent.referrals.referral.application;

import java.time.Clock;
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

    public void caseOpened(String eventId, String referralId, String pathway, String caseId) {
        apply(eventId, referralId, referral -> referral.caseOpened(pathway, caseId, clock.instant()));
    }

    public void caseClosed(String eventId, String referralId, String pathway, String caseId, String outcome) {
        apply(eventId, referralId, referral -> referral.caseClosed(pathway, caseId, outcome, clock.instant()));
    }

    private void apply(String eventId, String referralId, Function<Referral, Referral.Change> change) {
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
