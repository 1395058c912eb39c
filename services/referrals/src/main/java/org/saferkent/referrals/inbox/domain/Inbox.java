package org.saferkent.referrals.inbox.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.saferkent.referrals.referral.domain.District;
import org.saferkent.referrals.referral.domain.PathwayState;
import org.saferkent.referrals.referral.domain.Referral;

/** One agency's inbox: what its teams answer for (one entry per pathway team, e.g. a council's ASB team). */
public record Inbox(String agency, List<PathwayOwner> teams) {

    public Inbox {
        teams = List.copyOf(teams);
    }

    public boolean owns(String pathway, District district) {
        return teams.stream().anyMatch(team -> team.owns(pathway, district));
    }

    /** Every pathway code it answers for, somewhere. */
    public Set<String> pathways() {
        Set<String> pathways = new TreeSet<>();
        teams.forEach(team -> pathways.addAll(team.pathways()));
        return pathways;
    }

    /** The referral's pathways this inbox answers for (none: the referral is not in it). */
    public List<PathwayState> ownedPathways(Referral referral) {
        Collection<PathwayState> states = referral.pathways() == null ? List.of() : referral.pathways();
        return states.stream().filter(state -> owns(state.pathway(), referral.district())).toList();
    }
}
