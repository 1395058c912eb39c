package org.saferkent.referrals.inbox.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.saferkent.referrals.referral.domain.Agency;
import org.saferkent.referrals.referral.domain.District;
import org.saferkent.referrals.referral.domain.Pathway;

/**
 * Who answers for each pathway SaferKent has no case service of its own for: exactly one team per pathway and
 * district, each an agency referrals knows. A pathway a service answers (victim services, restorative justice)
 * has no inbox. Checked when the service starts: a pathway left without an owner, or with two, stops it.
 */
public final class PathwayOwners {

    /** The pathways delivered by partner teams outside SaferKent: each needs an owner in every district. */
    public static final Set<String> OWNED_BY_PARTNERS = Set.of(Pathway.YOUTH_PREVENTION.code(), Pathway.SUBSTANCE_MISUSE.code(),
            Pathway.ASB_CASE.code(), Pathway.TROUBLED_FAMILIES.code());

    private final Map<String, Inbox> byAgency;

    public PathwayOwners(List<PathwayOwner> owners) {
        List<String> problems = new ArrayList<>();
        Map<String, List<PathwayOwner>> teams = new TreeMap<>();
        for (PathwayOwner owner : owners) {
            if (!Agency.isKnown(owner.agency())) {
                problems.add("owner " + owner.agency() + " is not an agency referrals knows");
            }
            owner.pathways().stream().filter(p -> !OWNED_BY_PARTNERS.contains(p)).forEach(p ->
                    problems.add("owner " + owner.agency() + " names " + p + ", which is not a pathway partner teams deliver "
                            + OWNED_BY_PARTNERS));
            teams.computeIfAbsent(owner.agency(), a -> new ArrayList<>()).add(owner);
        }
        for (String pathway : new java.util.TreeSet<>(OWNED_BY_PARTNERS)) {
            for (District district : District.values()) {
                List<String> answering = owners.stream().filter(o -> o.owns(pathway, district)).map(PathwayOwner::agency).toList();
                if (answering.size() != 1) {
                    problems.add(pathway + " in " + district.code() + " has " + (answering.isEmpty() ? "no owner" : "owners " + answering));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("saferkent.referrals.inbox.owners: " + String.join("; ", problems));
        }
        Map<String, Inbox> inboxes = new TreeMap<>();
        teams.forEach((agency, list) -> inboxes.put(agency, new Inbox(agency, list)));
        this.byAgency = Map.copyOf(inboxes);
    }

    /** The agency's inbox, if it owns any pathway anywhere. */
    public Optional<Inbox> of(String agency) {
        return agency == null ? Optional.empty() : Optional.ofNullable(byAgency.get(agency));
    }

    /** The agency answering for {@code pathway} in {@code district}, if the pathway is a partner team's. */
    public Optional<String> ownerOf(String pathway, District district) {
        return byAgency.values().stream().filter(inbox -> inbox.owns(pathway, district)).map(Inbox::agency).findFirst();
    }
}
