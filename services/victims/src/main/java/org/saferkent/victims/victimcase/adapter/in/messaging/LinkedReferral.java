package org.saferkent.victims.victimcase.adapter.in.messaging;

import org.saferkent.platform.events.InvalidEventException;

/** What victims needs from {@code referrals.ReferralLinked.v1}: the duplicate and the referral it duplicates. */
public record LinkedReferral(String referralId, String linkedTo) {

    public LinkedReferral {
        if (referralId == null || referralId.isBlank()) {
            throw new InvalidEventException("missing field 'referralId'");
        }
        if (linkedTo == null || linkedTo.isBlank()) {
            throw new InvalidEventException("missing field 'linkedTo'");
        }
    }
}
