package org.saferkent.referrals.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DuplicateDetectionTest {

    private static final DuplicateRules RULES = DuplicateRules.defaults();
    private static final Instant NOW = Instant.parse("2025-11-20T10:00:00Z");
    private static final Duration SEVEN_DAYS = Duration.ofDays(7);

    private static PriorReferral prior(String id, String agency, String crimeReference, String category,
            Instant receivedAt) {
        return new PriorReferral(id, agency, crimeReference, category, receivedAt);
    }

    @Test
    void theDefaultWindowIsSevenDays() {
        assertThat(RULES.sameCategoryWindow()).isEqualTo(SEVEN_DAYS);
    }

    @Test
    void theSameCrimeReferenceFromAnotherAgencyIsADuplicateWhateverTheCategoryOrDate() {
        // given police referred the subject a month ago under violent-crime
        PriorReferral police = prior("r-1", "kent-police", "46/12345/25", "violent-crime", NOW.minus(Duration.ofDays(30)));

        // when the council refers them for the same crime reference, written differently, under another category
        Optional<PriorReferral> duplicated = DuplicateDetection.firstReferralDuplicated("maidstone-bc",
                " 46/12345/25 ".toLowerCase(), "domestic-abuse", NOW, List.of(police), RULES);

        // then it is linked to the police referral
        assertThat(duplicated).contains(police);
    }

    @Test
    void crimeReferencesAreComparedWithoutSpacesOrCase() {
        PriorReferral police = prior("r-1", "kent-police", "xy 0001 25", "burglary", NOW.minus(Duration.ofDays(90)));

        assertThat(DuplicateDetection.firstReferralDuplicated("victim-support", "XY000125", "other-crime", NOW,
                List.of(police), RULES)).contains(police);
        assertThat(DuplicateDetection.normaliseCrimeReference(" xy 0001 25 ")).isEqualTo("XY000125");
    }

    @Test
    void theSameCategoryFromAnotherAgencyInsideTheWindowIsADuplicate() {
        PriorReferral police = prior("r-1", "kent-police", null, "domestic-abuse", NOW.minus(Duration.ofDays(3)));

        assertThat(DuplicateDetection.firstReferralDuplicated("nhs-kent-medway", null, "domestic-abuse", NOW,
                List.of(police), RULES)).contains(police);
    }

    @Test
    void theSameCategoryExactlyAtTheWindowBoundaryIsADuplicate() {
        PriorReferral before = prior("r-1", "kent-police", null, "domestic-abuse", NOW.minus(SEVEN_DAYS));
        PriorReferral after = prior("r-2", "kent-police", null, "domestic-abuse", NOW.plus(SEVEN_DAYS));

        assertThat(DuplicateDetection.firstReferralDuplicated("swale-bc", null, "domestic-abuse", NOW,
                List.of(before), RULES)).contains(before);
        assertThat(DuplicateDetection.firstReferralDuplicated("swale-bc", null, "domestic-abuse", NOW,
                List.of(after), RULES)).contains(after);
    }

    @Test
    void theSameCategoryJustOutsideTheWindowIsNotADuplicate() {
        PriorReferral police = prior("r-1", "kent-police", null, "domestic-abuse",
                NOW.minus(SEVEN_DAYS).minusSeconds(1));

        assertThat(DuplicateDetection.firstReferralDuplicated("swale-bc", null, "domestic-abuse", NOW,
                List.of(police), RULES)).isEmpty();
    }

    @Test
    void aDifferentCategoryInsideTheWindowWithoutACommonCrimeReferenceIsNotADuplicate() {
        PriorReferral police = prior("r-1", "kent-police", "46/1/25", "burglary", NOW.minus(Duration.ofDays(1)));

        assertThat(DuplicateDetection.firstReferralDuplicated("swale-bc", "46/2/25", "domestic-abuse", NOW,
                List.of(police), RULES)).isEmpty();
    }

    @Test
    void aMissingCrimeReferenceOnBothSidesIsNotAMatch() {
        PriorReferral police = prior("r-1", "kent-police", "  ", "burglary", NOW.minus(Duration.ofDays(1)));

        assertThat(DuplicateDetection.firstReferralDuplicated("swale-bc", "", "robbery", NOW, List.of(police), RULES))
                .isEmpty();
        assertThat(DuplicateDetection.firstReferralDuplicated("swale-bc", null, "robbery", NOW, List.of(police), RULES))
                .isEmpty();
    }

    @Test
    void twoDifferentCrimeReferencesAreTwoIncidentsWhateverTheirCategory() {
        // given police referred the subject yesterday for domestic abuse under one crime reference
        PriorReferral police = prior("r-1", "kent-police", "46/1/25", "domestic-abuse", NOW.minus(Duration.ofDays(1)));

        // when health refers them for domestic abuse under another crime reference, inside the window
        // then it is a second incident, not a duplicate of the first
        assertThat(DuplicateDetection.firstReferralDuplicated("nhs-kent-medway", "46/2/25", "domestic-abuse", NOW,
                List.of(police), RULES)).isEmpty();
    }

    @Test
    void theSameIncidentCodedAsACategoryByOneAgencyAndAFlagByAnotherIsADuplicate() {
        // given police coded the incident violent crime, flagged domestic abuse
        PriorReferral police = new PriorReferral("r-1", "kent-police", null, "violent-crime", NOW.minus(Duration.ofDays(2)),
                List.of("domestic-abuse"));

        // when the council refers the same person for domestic abuse, without a crime reference, inside the window
        // then it is the same incident
        assertThat(DuplicateDetection.firstReferralDuplicated("swale-bc", null, "domestic-abuse", List.of(), NOW,
                List.of(police), RULES)).contains(police);
        // and the other way round: a flag on the new referral meets the earlier one's category
        PriorReferral council = prior("r-2", "swale-bc", null, "domestic-abuse", NOW.minus(Duration.ofDays(2)));
        assertThat(DuplicateDetection.firstReferralDuplicated("kent-police", "46/9/25", "violent-crime",
                List.of("domestic-abuse"), NOW, List.of(council), RULES)).contains(council);
    }

    @Test
    void aSecondReferralFromTheSameAgencyIsNeverADuplicate() {
        PriorReferral police = prior("r-1", "kent-police", "46/12345/25", "domestic-abuse", NOW.minus(Duration.ofDays(1)));

        assertThat(DuplicateDetection.firstReferralDuplicated("kent-police", "46/12345/25", "domestic-abuse", NOW,
                List.of(police), RULES)).isEmpty();
    }

    @Test
    void theEarliestDuplicatedReferralIsReturned() {
        // given three prior referrals the new one matches, listed out of order
        PriorReferral later = prior("r-3", "kcc-families-social-care", null, "domestic-abuse", NOW.minus(Duration.ofDays(1)));
        PriorReferral earliest = prior("r-1", "kent-police", "46/12345/25", "violent-crime", NOW.minus(Duration.ofDays(20)));
        PriorReferral middle = prior("r-2", "nhs-kent-medway", null, "domestic-abuse", NOW.minus(Duration.ofDays(5)));
        PriorReferral sameAgency = prior("r-0", "swale-bc", "46/12345/25", "domestic-abuse", NOW.minus(Duration.ofDays(40)));

        // when the new referral is checked
        Optional<PriorReferral> duplicated = DuplicateDetection.firstReferralDuplicated("swale-bc", "46/12345/25",
                "domestic-abuse", NOW, List.of(later, sameAgency, middle, earliest), RULES);

        // then the earliest from another agency is the one it duplicates
        assertThat(duplicated).contains(earliest);
    }

    @Test
    void noPriorReferralsMeansNoDuplicate() {
        assertThat(DuplicateDetection.firstReferralDuplicated("kent-police", "46/1/25", "burglary", NOW, List.of(),
                RULES)).isEmpty();
    }

    @Test
    void aConfiguredWindowReplacesTheDefault() {
        PriorReferral police = prior("r-1", "kent-police", null, "domestic-abuse", NOW.minus(Duration.ofDays(3)));

        assertThat(DuplicateDetection.firstReferralDuplicated("swale-bc", null, "domestic-abuse", NOW,
                List.of(police), new DuplicateRules(Duration.ofDays(2)))).isEmpty();
    }
}
