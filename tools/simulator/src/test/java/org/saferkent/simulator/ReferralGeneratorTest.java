package org.saferkent.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class ReferralGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final List<SimulatedReferral> YEAR_SAMPLE = new ReferralGenerator(42, TODAY, "T").next(20_000);

    @Test
    void theSameSeedAndDayGiveTheSameReferrals() {
        List<SimulatedReferral> again = new ReferralGenerator(42, TODAY, "T").next(2_000);
        assertThat(again).isEqualTo(YEAR_SAMPLE.subList(0, 2_000));
    }

    @Test
    void anotherSeedGivesOtherReferrals() {
        List<SimulatedReferral> other = new ReferralGenerator(43, TODAY, "T").next(200);
        assertThat(other.stream().map(SimulatedReferral::body).toList())
                .isNotEqualTo(YEAR_SAMPLE.subList(0, 200).stream().map(SimulatedReferral::body).toList());
    }

    @Test
    void districtsAreWeightedByPopulation() {
        assertThat(share(r -> r.district().equals("maidstone"))).isCloseTo(175.8 / 1575.9, within(0.012));
        assertThat(share(r -> r.district().equals("gravesham"))).isCloseTo(106.9 / 1575.9, within(0.012));
        assertThat(YEAR_SAMPLE.stream().map(SimulatedReferral::district).distinct()).hasSize(12);
    }

    @Test
    void thePoliceReferMostAndDistrictCouncilsReferFromTheirOwnDistrict() {
        assertThat(share(r -> r.agency().equals("kent-police"))).isCloseTo(0.55, within(0.03));
        assertThat(YEAR_SAMPLE).filteredOn(r -> r.agency().equals("swale-bc") && !r.duplicate())
                .isNotEmpty().allMatch(r -> r.district().equals("swale") || r.repeat());
    }

    @Test
    void domesticAbuseVictimsCarryADashChecklistWhoseAnswersGiveTheirBand() {
        List<SimulatedReferral> assessed = YEAR_SAMPLE.stream().filter(r -> r.dashBand() != null).toList();
        assertThat(assessed).isNotEmpty().allMatch(r -> r.category().equals("domestic-abuse"));
        for (SimulatedReferral referral : assessed) {
            @SuppressWarnings("unchecked")
            List<Boolean> answers = (List<Boolean>) ((Map<String, Object>) referral.body().get("dash")).get("answers");
            long yes = answers.stream().filter(Boolean::booleanValue).count();
            String band = yes >= 14 ? "high" : yes >= 10 ? "medium" : "standard"; // SafeLives / police DASH thresholds
            assertThat(band).as(referral.toString()).isEqualTo(referral.dashBand());
            assertThat(answers).hasSize(referral.agency().equals("kent-police") ? 27 : 24);
        }
        double high = assessed.stream().filter(r -> r.dashBand().equals("high")).count() / (double) assessed.size();
        assertThat(high).isCloseTo(0.10, within(0.03));
    }

    @Test
    void aDuplicateIsAnotherAgencyReferringTheSamePersonForTheSameIncident() {
        Map<Long, SimulatedReferral> bySequence = new HashMap<>();
        YEAR_SAMPLE.forEach(r -> bySequence.put(r.sequence(), r));
        List<SimulatedReferral> duplicates = YEAR_SAMPLE.stream().filter(SimulatedReferral::duplicate).toList();
        assertThat(duplicates.size() / (double) YEAR_SAMPLE.size()).isCloseTo(KentShape.DUPLICATE_SHARE, within(0.015));
        for (SimulatedReferral duplicate : duplicates) {
            SimulatedReferral original = bySequence.get(duplicate.duplicateOf());
            assertThat(duplicate.agency()).isNotEqualTo(original.agency());
            assertThat(duplicate.body().get("crimeReference")).isEqualTo(original.body().get("crimeReference"));
            assertThat(duplicate.body().get("subject")).isEqualTo(original.body().get("subject"));
            assertThat(duplicate.body().get("incidentDate")).isEqualTo(original.body().get("incidentDate"));
            assertThat(duplicate.agencyReference()).isNotEqualTo(original.agencyReference());
        }
    }

    @Test
    void aRepeatRefersSomeoneReferredBefore() {
        Set<Object> seen = new HashSet<>();
        long repeats = 0;
        for (SimulatedReferral referral : YEAR_SAMPLE) {
            Object subject = subjectKey(referral);
            if (referral.repeat() && !referral.duplicate()) {
                assertThat(seen).contains(subject);
                repeats++;
            }
            seen.add(subject);
        }
        assertThat(repeats / (double) YEAR_SAMPLE.size()).isCloseTo(KentShape.REPEAT_SHARE, within(0.02));
    }

    @Test
    void someAreSharedUnderALawfulOverrideWithItsReasonAndTheRestWithRecordedConsent() {
        assertThat(share(SimulatedReferral::override)).isCloseTo(KentShape.OVERRIDE_SHARE, within(0.015));
        for (SimulatedReferral referral : YEAR_SAMPLE) {
            @SuppressWarnings("unchecked")
            Map<String, Object> consent = (Map<String, Object>) referral.body().get("consent");
            if (referral.override()) {
                assertThat(consent).containsEntry("given", false).containsKey("override");
            } else {
                assertThat(consent).containsEntry("given", true).containsKeys("recordedOn", "recordedBy");
            }
        }
    }

    @Test
    void everyReferralAsksForAPathwayAndOnlyAntiSocialBehaviourHasAnAsbType() {
        assertThat(YEAR_SAMPLE).allMatch(r -> !r.pathways().isEmpty());
        assertThat(YEAR_SAMPLE).allMatch(r -> r.category().equals("anti-social-behaviour") == r.body().containsKey("asbType"));
        assertThat(YEAR_SAMPLE).filteredOn(r -> r.role().equals("offender")).allMatch(r -> r.pathways().contains("restorative-justice"));
        assertThat(YEAR_SAMPLE.stream().map(SimulatedReferral::agencyReference).distinct()).hasSize(YEAR_SAMPLE.size());
    }

    private static Object subjectKey(SimulatedReferral referral) {
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) referral.body().get("subject");
        return List.of(subject.get("name"), subject.get("dateOfBirth"));
    }

    private static double share(Predicate<SimulatedReferral> matching) {
        return YEAR_SAMPLE.stream().filter(matching).count() / (double) YEAR_SAMPLE.size();
    }
}
