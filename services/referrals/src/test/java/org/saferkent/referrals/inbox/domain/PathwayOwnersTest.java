package org.saferkent.referrals.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.saferkent.referrals.referral.domain.District;

/** Every partner pathway has exactly one owner in every district, and an inbox answers for its own only. */
class PathwayOwnersTest {

    private static List<PathwayOwner> kent() {
        List<PathwayOwner> owners = new ArrayList<>(List.of(
                new PathwayOwner("kcc-integrated-youth-services", "youth", Set.of("youth-prevention"), Set.of()),
                new PathwayOwner("kent-daat", "daat", Set.of("substance-misuse"), Set.of()),
                new PathwayOwner("kcc-families-social-care", "families", Set.of("troubled-families"), Set.of())));
        String[] councils = {"ashford-bc", "canterbury-cc", "dartford-bc", "dover-dc", "gravesham-bc", "maidstone-bc",
                "sevenoaks-dc", "folkestone-hythe-dc", "swale-bc", "thanet-dc", "tonbridge-malling-bc", "tunbridge-wells-bc"};
        for (int i = 0; i < councils.length; i++) {
            owners.add(new PathwayOwner(councils[i], "asb", Set.of("asb-case"), Set.of(District.values()[i])));
        }
        return owners;
    }

    @Test
    void eachPathwayAndDistrictHasItsOneOwner() {
        PathwayOwners owners = new PathwayOwners(kent());

        assertThat(owners.ownerOf("asb-case", District.SWALE)).contains("swale-bc");
        assertThat(owners.ownerOf("youth-prevention", District.SWALE)).contains("kcc-integrated-youth-services");
        assertThat(owners.ownerOf("victim-support", District.SWALE)).isEmpty();
        Inbox maidstone = owners.of("maidstone-bc").orElseThrow();
        assertThat(maidstone.owns("asb-case", District.MAIDSTONE)).isTrue();
        assertThat(maidstone.owns("asb-case", District.SWALE)).isFalse();
        assertThat(maidstone.owns("youth-prevention", District.MAIDSTONE)).isFalse();
        assertThat(owners.of("kent-police")).isEmpty();
    }

    @Test
    void aPathwayLeftWithoutAnOwnerOrWithTwoStopsTheService() {
        List<PathwayOwner> missing = kent();
        missing.removeIf(owner -> owner.agency().equals("thanet-dc"));
        assertThatThrownBy(() -> new PathwayOwners(missing)).hasMessageContaining("asb-case in thanet has no owner");

        List<PathwayOwner> twice = kent();
        twice.add(new PathwayOwner("kcc-education", "youth again", Set.of("youth-prevention"), Set.of(District.DOVER)));
        assertThatThrownBy(() -> new PathwayOwners(twice)).hasMessageContaining("youth-prevention in dover has owners");
    }

    @Test
    void aCaseServicesPathwayOrAnUnknownAgencyIsRefused() {
        List<PathwayOwner> owners = kent();
        owners.add(new PathwayOwner("victim-support", "vs", Set.of("victim-support"), Set.of()));
        owners.add(new PathwayOwner("nobody-we-know", "x", Set.of("asb-case"), Set.of(District.DOVER)));
        assertThatThrownBy(() -> new PathwayOwners(owners))
                .hasMessageContaining("names victim-support")
                .hasMessageContaining("nobody-we-know is not an agency");
    }
}
