package org.saferkent.referrals.triage.domain;

/** Why a case goes to a MARAC. */
public enum MaracReason {
    /** The DASH level (after professional judgement) is HIGH. */
    HIGH_RISK,
    /** A further incident within the repeat window of the subject's last MARAC referral. */
    REPEAT,
    /** Enough incidents within the escalation window. */
    ESCALATION
}
