package org.saferkent.commissioning.activity.application;

/**
 * Per district and pathway: referrals routed there, cases opened from them and cases closed (each counted once). A
 * partner team's pathway's case is opened when the team accepts the referral in its inbox.
 */
public record ActivityCount(String district, String pathway, long referralsRouted, long casesOpened, long casesClosed) {
}
