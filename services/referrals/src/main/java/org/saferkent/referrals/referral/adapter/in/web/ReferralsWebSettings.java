package org.saferkent.referrals.referral.adapter.in.web;

import java.util.Set;

/**
 * @param batchMaxSize       most referrals accepted in one batch request
 * @param claimCheckClientId the victims service's client: the only one the claim check serves
 * @param victimPathways     the victim services' pathways: details are served only for a referral routed to one
 */
public record ReferralsWebSettings(int batchMaxSize, String claimCheckClientId, Set<String> victimPathways) {
}
