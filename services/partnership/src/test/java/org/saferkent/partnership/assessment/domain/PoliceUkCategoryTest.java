package org.saferkent.partnership.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PoliceUkCategoryTest {

    /** referrals accepts these categories (Category.POLICE_UK and Category.FLAGS of the referrals service). */
    static final List<String> REFERRAL_CATEGORIES = List.of("anti-social-behaviour", "bicycle-theft", "burglary",
            "criminal-damage-arson", "drugs", "other-theft", "possession-of-weapons", "public-order", "robbery", "shoplifting",
            "theft-from-the-person", "vehicle-crime", "violent-crime", "other-crime", "domestic-abuse", "hate-crime",
            "sexual-offence", "terrorism", "human-trafficking", "modern-slavery", "attempted-murder", "kidnap",
            "false-imprisonment", "arson-with-intent", "wounding-with-intent", "stalking", "child-sexual-exploitation");

    @Test
    void everyCategoryReferralsAcceptsIsCountedUnderAPoliceUkCategory() {
        assertThat(REFERRAL_CATEGORIES).allSatisfy(category ->
                assertThat(PoliceUkCategory.ofReferralCategory(category)).as(category).isPresent());
    }

    @Test
    void policeUkCategoriesMapToThemselvesAndFlagsToWhereTheyAreRecorded() {
        assertThat(PoliceUkCategory.ofReferralCategory("burglary")).contains(PoliceUkCategory.BURGLARY);
        assertThat(PoliceUkCategory.ofReferralCategory("domestic-abuse")).contains(PoliceUkCategory.VIOLENT_CRIME);
        assertThat(PoliceUkCategory.ofReferralCategory("stalking")).contains(PoliceUkCategory.VIOLENT_CRIME);
        assertThat(PoliceUkCategory.ofReferralCategory("hate-crime")).contains(PoliceUkCategory.PUBLIC_ORDER);
        assertThat(PoliceUkCategory.ofReferralCategory("arson-with-intent")).contains(PoliceUkCategory.CRIMINAL_DAMAGE_ARSON);
        assertThat(PoliceUkCategory.ofReferralCategory("modern-slavery")).contains(PoliceUkCategory.OTHER_CRIME);
        assertThat(PoliceUkCategory.ofReferralCategory("littering")).isEmpty();
        assertThat(PoliceUkCategory.ofReferralCategory(null)).isEmpty();
    }

    @Test
    void theFourteenCategoriesAreReadFromTheCsvCrimeTypes() {
        assertThat(PoliceUkCategory.slugs()).hasSize(14);
        assertThat(PoliceUkCategory.fromCrimeType("Violence and sexual offences")).contains(PoliceUkCategory.VIOLENT_CRIME);
        assertThat(PoliceUkCategory.fromCrimeType(" Anti-social behaviour ")).contains(PoliceUkCategory.ANTI_SOCIAL_BEHAVIOUR);
        assertThat(PoliceUkCategory.fromCrimeType("Criminal damage and arson")).contains(PoliceUkCategory.CRIMINAL_DAMAGE_ARSON);
        assertThat(PoliceUkCategory.fromCrimeType("Jaywalking")).isEmpty();
    }
}
