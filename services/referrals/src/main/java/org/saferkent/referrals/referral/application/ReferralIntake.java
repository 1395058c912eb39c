package org.saferkent.referrals.referral.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.referrals.referral.domain.NewReferral;
import org.saferkent.referrals.referral.domain.Referral;

/** Takes in referrals: stores each with the events it produced, in one write, through the outbox. */
public class ReferralIntake {

    /** The referral, and whether this call created it (false: a replay of an earlier request). */
    public record Outcome(Referral referral, boolean created) {
    }

    private final AggregateStore<Referral> referrals;
    private final Clock clock;

    public ReferralIntake(AggregateStore<Referral> referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    public Outcome receive(NewReferral request) {
        String id = idFor(request);
        Referral.Received received = Referral.receive(id, request, clock.instant());
        if (referrals.insert(id, received.referral(), received.events())) {
            return new Outcome(received.referral(), true);
        }
        // The agency sent this reference before: answer with the original, create nothing.
        return new Outcome(referrals.find(id).map(Loaded::state).orElseThrow(), false);
    }

    public Optional<Referral> find(String id) {
        return referrals.find(id).map(Loaded::state);
    }

    /** An agency's own reference is its idempotency key: the same reference always names the same referral. */
    static String idFor(NewReferral request) {
        if (request.agencyReference() == null) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((request.agency() + "\u0000" + request.agencyReference())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
