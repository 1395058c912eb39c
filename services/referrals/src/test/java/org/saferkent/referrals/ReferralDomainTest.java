package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.saferkent.platform.events.WireNames;
import org.saferkent.referrals.referral.domain.District;
import org.saferkent.referrals.referral.domain.NewReferral;
import org.saferkent.referrals.referral.domain.Pathway;
import org.saferkent.referrals.referral.domain.Referral;
import org.saferkent.referrals.referral.domain.ReferralReceived;
import org.saferkent.referrals.referral.domain.ReferralRouted;
import org.saferkent.referrals.referral.domain.ReferralStatus;

class ReferralDomainTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:15:30.123456Z");

    @Test
    void kentHasTwelveDistrictsInElevenCommunitySafetyPartnerships() {
        Set<String> csps = Arrays.stream(District.values()).map(District::csp).collect(Collectors.toSet());

        assertThat(District.values()).hasSize(12);
        assertThat(csps).hasSize(11);
    }

    @Test
    void dartfordAndGraveshamShareOneCommunitySafetyPartnership() {
        assertThat(District.DARTFORD.csp()).isEqualTo(District.GRAVESHAM.csp()).isEqualTo("Dartford and Gravesham CSP");
        assertThat(District.MAIDSTONE.csp()).isEqualTo("Maidstone CSP");
    }

    @ParameterizedTest
    @EnumSource(District.class)
    void everyDistrictIsFoundByItsCode(District district) {
        assertThat(District.fromCode(district.code())).contains(district);
    }

    @Test
    void shepwayIsTheOldNameOfFolkestoneAndHythe() {
        assertThat(District.fromCode("shepway")).contains(District.FOLKESTONE_AND_HYTHE);
        assertThat(District.fromCode("Shepway")).contains(District.FOLKESTONE_AND_HYTHE);
        assertThat(District.FOLKESTONE_AND_HYTHE.code()).isEqualTo("folkestone-and-hythe");
    }

    @Test
    void districtCodesAreMatchedWhateverTheirCaseAndSurroundingSpace() {
        assertThat(District.fromCode(" Maidstone ")).contains(District.MAIDSTONE);
        assertThat(District.fromCode("TUNBRIDGE-WELLS")).contains(District.TUNBRIDGE_WELLS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "medway", "tunbridge wells", "MAIDSTONE CSP", "kent"})
    void placesOutsideKentsTwelveDistrictsAreNotDistricts(String code) {
        assertThat(District.fromCode(code)).isEmpty();
    }

    @Test
    void noCodeIsNoDistrict() {
        assertThat(District.fromCode(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Pathway.class)
    void everyPathwayIsFoundByItsCode(Pathway pathway) {
        assertThat(Pathway.fromCode(pathway.code())).contains(pathway);
    }

    @Test
    void pathwayCodesAreKebabCase() {
        assertThat(Pathway.fromCode("victim-support")).contains(Pathway.VICTIM_SUPPORT);
        assertThat(Pathway.fromCode("restorative-justice")).contains(Pathway.RESTORATIVE_JUSTICE);
        assertThat(Pathway.fromCode("asb-case")).contains(Pathway.ASB_CASE);
    }

    @Test
    void unknownPathwaysAreNotPathways() {
        assertThat(Pathway.fromCode("VICTIM_SUPPORT")).isEmpty();
        assertThat(Pathway.fromCode("counselling")).isEmpty();
        assertThat(Pathway.fromCode(null)).isEmpty();
    }

    @Test
    void aReceivedReferralIsRoutedWithItsRequestedDetails() {
        NewReferral request = new NewReferral("kent-police", "KP-1", District.GRAVESHAM, "violent-crime",
                List.of(Pathway.VICTIM_SUPPORT, Pathway.RESTORATIVE_JUSTICE));

        Referral referral = Referral.receive("r-1", request, NOW).referral();

        assertThat(referral).isEqualTo(new Referral("r-1", "kent-police", "KP-1", District.GRAVESHAM, "violent-crime",
                List.of(Pathway.VICTIM_SUPPORT, Pathway.RESTORATIVE_JUSTICE), ReferralStatus.ROUTED, NOW));
    }

    @Test
    void receivingProducesOneReceivedEventThenOneRoutedEventPerPathway() {
        NewReferral request = new NewReferral("kent-police", "KP-1", District.GRAVESHAM, "violent-crime",
                List.of(Pathway.VICTIM_SUPPORT, Pathway.RESTORATIVE_JUSTICE));

        List<Object> events = Referral.receive("r-1", request, NOW).events();

        assertThat(events).containsExactly(
                new ReferralReceived("r-1", "kent-police", "gravesham", "Dartford and Gravesham CSP", "violent-crime", NOW),
                new ReferralRouted("r-1", "gravesham", "violent-crime", "victim-support", NOW),
                new ReferralRouted("r-1", "gravesham", "violent-crime", "restorative-justice", NOW));
    }

    @Test
    void aReferralToOnePathwayProducesOneRoutedEvent() {
        NewReferral request = new NewReferral("kcc-education", null, District.MAIDSTONE, "anti-social-behaviour",
                List.of(Pathway.YOUTH_PREVENTION));

        List<Object> events = Referral.receive("r-2", request, NOW).events();

        assertThat(events).hasSize(2);
        assertThat(events).filteredOn(ReferralReceived.class::isInstance).hasSize(1);
        assertThat(events).filteredOn(ReferralRouted.class::isInstance).singleElement()
                .isEqualTo(new ReferralRouted("r-2", "maidstone", "anti-social-behaviour", "youth-prevention", NOW));
    }

    @Test
    void theEventsCarryNoAgencyReference() {
        NewReferral request = new NewReferral("kent-police", "KP-secret-77", District.SWALE, "burglary",
                List.of(Pathway.VICTIM_SUPPORT));

        assertThat(Referral.receive("r-3", request, NOW).events())
                .allSatisfy(event -> assertThat(event.toString()).doesNotContain("KP-secret-77"));
    }

    @Test
    void theReferralEventsHaveWellFormedWireNames() {
        assertThat(WireNames.of(ReferralReceived.class)).isEqualTo("referrals.ReferralReceived.v1");
        assertThat(WireNames.of(ReferralRouted.class)).isEqualTo("referrals.ReferralRouted.v1");
    }
}
