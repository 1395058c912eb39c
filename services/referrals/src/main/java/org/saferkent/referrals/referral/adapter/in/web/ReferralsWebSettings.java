package org.saferkent.referrals.referral.adapter.in.web;

/** @param batchMaxSize most referrals accepted in one batch request */
public record ReferralsWebSettings(int batchMaxSize) {
}
