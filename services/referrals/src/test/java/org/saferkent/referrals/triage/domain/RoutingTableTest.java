package org.saferkent.referrals.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingTableTest {

    private final RoutingTable kent = RoutingTable.kentDefaults();

    @Test
    void aVictimOfAnyCrimeGoesToVictimSupport() {
        assertThat(kent.route("burglary", null, SubjectRole.VICTIM, 45)).containsExactly("victim-support");
    }

    @Test
    void aVictimOfUnknownAgeStillGoesToVictimSupport() {
        assertThat(kent.route("robbery", null, SubjectRole.VICTIM, null)).containsExactly("victim-support");
    }

    @Test
    void aDomesticAbuseVictimGoesToVictimSupportAndTheDomesticAbusePathway() {
        assertThat(kent.route("domestic-abuse", RiskLevel.MEDIUM, SubjectRole.VICTIM, 32))
                .containsExactly("victim-support", "domestic-abuse");
    }

    @Test
    void aHighRiskVictimGoesToTheDomesticAbusePathwayWhateverTheCategory() {
        // given a DASH completed on a violent-crime referral that scored HIGH
        assertThat(kent.route("violent-crime", RiskLevel.HIGH, SubjectRole.VICTIM, 28))
                .containsExactly("victim-support", "domestic-abuse");
        assertThat(kent.route("violent-crime", RiskLevel.MEDIUM, SubjectRole.VICTIM, 28))
                .containsExactly("victim-support");
    }

    @Test
    void aVulnerablePersonGoesToVictimSupport() {
        assertThat(kent.route("other-crime", null, SubjectRole.VULNERABLE_PERSON, 80)).containsExactly("victim-support");
    }

    @Test
    void aFamilyGoesToTroubledFamilies() {
        assertThat(kent.route("anti-social-behaviour", null, SubjectRole.FAMILY, null))
                .containsExactly("asb-case", "troubled-families");
    }

    @Test
    void theDrugsCategoryGoesToSubstanceMisuse() {
        assertThat(kent.route("drugs", null, SubjectRole.VULNERABLE_PERSON, 30))
                .containsExactly("victim-support", "substance-misuse");
    }

    @Test
    void antiSocialBehaviourGoesToAnAsbCase() {
        assertThat(kent.route("anti-social-behaviour", null, SubjectRole.VICTIM, 60))
                .containsExactly("victim-support", "asb-case");
    }

    @Test
    void anAdultOffenderOfANonDomesticAbuseCrimeGoesToRestorativeJustice() {
        assertThat(kent.route("criminal-damage-arson", null, SubjectRole.OFFENDER, 30))
                .containsExactly("restorative-justice");
    }

    @Test
    void anAdultDrugsOffenderGoesToRestorativeJusticeAndSubstanceMisuse() {
        assertThat(kent.route("drugs", null, SubjectRole.OFFENDER, 22))
                .containsExactly("restorative-justice", "substance-misuse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"domestic-abuse", "sexual-offence"})
    void anAdultDomesticAbuseOrSexualOffenderIsNotRoutedToRestorativeJustice(String category) {
        assertThat(kent.route(category, RiskLevel.HIGH, SubjectRole.OFFENDER, 35)).isEmpty();
    }

    @Test
    void aYoungDomesticAbuseOffenderGoesToYouthPreventionOnly() {
        assertThat(kent.route("domestic-abuse", null, SubjectRole.OFFENDER, 16)).containsExactly("youth-prevention");
    }

    @ParameterizedTest(name = "an offender aged {0} goes to {1}")
    @CsvSource({"9, ''", "10, youth-prevention", "17, youth-prevention", "18, restorative-justice"})
    void offendersAreRoutedByAgeAtTheBandBoundaries(int age, String expected) {
        var pathways = kent.route("shoplifting", null, SubjectRole.OFFENDER, age);

        if (expected.isEmpty()) {
            assertThat(pathways).isEmpty();
        } else {
            assertThat(pathways).containsExactly(expected);
        }
    }

    @Test
    void anOffenderOfUnknownAgeGetsNeitherAgeLimitedPathway() {
        assertThat(kent.route("shoplifting", null, SubjectRole.OFFENDER, null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SubjectRole.class)
    void anUnknownCategoryGetsNothingFromTheCategoryRules(SubjectRole role) {
        var pathways = kent.route("not-a-category", RiskLevel.STANDARD, role, 30);

        assertThat(pathways).doesNotContain("domestic-abuse", "restorative-justice", "substance-misuse", "asb-case");
    }

    @Test
    void anUnknownCategoryStillGetsTheRoleRules() {
        assertThat(kent.route("not-a-category", null, SubjectRole.VICTIM, 30)).containsExactly("victim-support");
        assertThat(kent.route("not-a-category", null, SubjectRole.OFFENDER, 30)).isEmpty();
    }

    @Test
    void pathwaysAreTheUnionOfMatchingRulesInRuleOrderWithoutRepeats() {
        // given three rules, two naming the same pathway
        RoutingTable table = new RoutingTable(List.of(
                new RoutingRule("b-first", Set.of(), Set.of(), Set.of(), null, null, List.of("b", "a")),
                new RoutingRule("never", Set.of("burglary"), Set.of(), Set.of(), null, null, List.of("z")),
                new RoutingRule("a-again", Set.of(), Set.of(), Set.of(SubjectRole.VICTIM), null, null, List.of("a", "c"))));

        // when a victim's referral is routed
        var pathways = table.route("robbery", null, SubjectRole.VICTIM, null);

        // then every matching rule contributes, first mention first
        assertThat(pathways).containsExactly("b", "a", "c");
    }

    @Test
    void aRuleNamingRisksDoesNotMatchAReferralWithoutADash() {
        RoutingRule highOnly = new RoutingRule("high", null, Set.of(RiskLevel.HIGH), null, null, null,
                List.of("domestic-abuse"));

        assertThat(highOnly.matches("domestic-abuse", null, SubjectRole.VICTIM, 30)).isFalse();
        assertThat(highOnly.matches("domestic-abuse", RiskLevel.HIGH, SubjectRole.VICTIM, 30)).isTrue();
    }

    @Test
    void aRuleWithoutPathwaysOrWithInvertedAgesIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RoutingRule("empty", null, null, null, null, null, List.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RoutingRule("inverted", null, null, null, 18, 10, List.of("x")))
                .withMessageContaining("inverted");
    }

    @ParameterizedTest
    @CsvSource({"victim, VICTIM", "offender, OFFENDER", "vulnerable-person, VULNERABLE_PERSON", "family, FAMILY",
            "' Victim ', VICTIM"})
    void subjectRolesAreFoundByTheirCode(String code, SubjectRole role) {
        assertThat(SubjectRole.fromCode(code)).contains(role);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "witness", "vulnerable_person"})
    void unknownRoleCodesAreNoRole(String code) {
        assertThat(SubjectRole.fromCode(code)).isEmpty();
        assertThat(SubjectRole.fromCode(null)).isEmpty();
    }
}
