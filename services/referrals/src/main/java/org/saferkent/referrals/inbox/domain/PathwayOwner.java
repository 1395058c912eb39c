package org.saferkent.referrals.inbox.domain;

import java.util.Set;

import org.saferkent.referrals.referral.domain.District;

/**
 * A partner team that delivers a pathway SaferKent has no case service for: the agency its people sign in as,
 * the pathways it delivers and the districts it covers (none named: the whole county).
 *
 * @param agency    the agency code its tokens carry (as referrals knows agencies)
 * @param name      the team, for people
 * @param pathways  the pathway codes it delivers
 * @param districts the districts it covers; empty for every district
 */
public record PathwayOwner(String agency, String name, Set<String> pathways, Set<District> districts) {

    public PathwayOwner {
        pathways = Set.copyOf(pathways);
        districts = Set.copyOf(districts);
    }

    /** Whether a referral of {@code district} routed to {@code pathway} is this team's to answer. */
    public boolean owns(String pathway, District district) {
        return pathways.contains(pathway) && (districts.isEmpty() || districts.contains(district));
    }

    public boolean countywide() {
        return districts.isEmpty();
    }
}
