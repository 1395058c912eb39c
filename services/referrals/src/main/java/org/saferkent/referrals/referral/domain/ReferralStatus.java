package org.saferkent.referrals.referral.domain;

/** Where a referral stands overall; it follows the cases opened from it. */
public enum ReferralStatus {
    /** Sent to its pathways, no answer yet. */
    ROUTED,
    /** A duplicate of an earlier referral (same subject and incident from another agency): joined to it, not routed again. */
    LINKED,
    /** At least one service opened a case. */
    ACCEPTED,
    /** Every service it was routed to declined it. */
    DECLINED,
    /** Every case opened from it was closed. */
    CLOSED
}
