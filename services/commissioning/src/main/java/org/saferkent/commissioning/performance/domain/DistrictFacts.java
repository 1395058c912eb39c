package org.saferkent.commissioning.performance.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of one district that performance is computed from (any superset will do: the
 * computation picks what falls in the contract's window).
 *
 * @param routedPathways     the pathways each linked-to referral was routed to (duplicates count for those)
 * @param linkedReferralIds  referrals that are duplicates: never counted as referrals themselves
 */
public record DistrictFacts(List<ReferralFact> referrals, List<LinkFact> links, Map<String, Set<String>> routedPathways,
        Set<String> linkedReferralIds, List<VictimCaseFact> victimCases, List<RjCaseFact> rjCases, List<FteFact> firstTimeEntrants) {

    public static DistrictFacts none() {
        return new DistrictFacts(List.of(), List.of(), Map.of(), Set.of(), List.of(), List.of(), List.of());
    }
}
