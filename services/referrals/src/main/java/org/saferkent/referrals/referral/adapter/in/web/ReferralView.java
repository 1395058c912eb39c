package org.saferkent.referrals.referral.adapter.in.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.saferkent.referrals.referral.domain.Pathway;
import org.saferkent.referrals.referral.domain.Referral;

/** A referral as its agency reads it. */
public record ReferralView(String id, String agency, String agencyReference, String district, String csp,
        String category, List<String> pathways, String status, Instant receivedAt) {

    static ReferralView of(Referral referral) {
        return new ReferralView(referral.id(), referral.agency(), referral.agencyReference(), referral.district().code(),
                referral.district().csp(), referral.category(), referral.pathways().stream().map(Pathway::code).toList(),
                referral.status().name().toLowerCase(Locale.ROOT), referral.receivedAt());
    }
}
