package org.saferkent.referrals.referral.domain;

public enum ReferralStatus {
    ROUTED, ACCEPTED, DECLINED, CLOSED
}
