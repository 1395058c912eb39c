package org.saferkent.referrals.referral.domain;

/** Where a referral stands with one pathway's service. */
public record PathwayState(String pathway, String status, String caseId, String outcome) {

    public static final String ROUTED = "routed";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";
    public static final String CLOSED = "closed";
}
