package org.saferkent.victims.victimcase.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Victims' Code 2020 enhanced entitlement: each ground on its own, their combination, and a standard victim. */
class EntitlementRulesTest {

    private final EntitlementRules rules = EntitlementRules.victimsCode2020();

    @Test
    void anAdultVictimOfBurglaryWithNoVulnerabilityHasStandardEntitlement() {
        Entitlement entitlement = rules.decide("burglary", victim(List.of(), "35-49", List.of()));

        assertThat(entitlement.enhanced()).isFalse();
        assertThat(entitlement.reasons()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"domestic-abuse", "hate-crime", "sexual-offence"})
    void aFlaggedMostSeriousCrimeGivesEnhancedEntitlement(String flag) {
        Entitlement entitlement = rules.decide("violent-crime", victim(List.of(flag), "35-49", List.of()));

        assertThat(entitlement.enhanced()).isTrue();
        assertThat(entitlement.reasons()).contains("most-serious-crime:" + flag);
    }

    @Test
    void aMostSeriousCrimeGivenAsTheCategoryCountsLikeTheFlag() {
        Entitlement entitlement = rules.decide("domestic-abuse", victim(List.of(), "35-49", List.of()));

        assertThat(entitlement.reasons()).containsExactly("most-serious-crime:domestic-abuse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"terrorism", "human-trafficking", "attempted-murder", "kidnap", "false-imprisonment",
            "arson-with-intent", "gbh-with-intent"})
    void mappedMostSeriousCategoriesGiveEnhancedEntitlement(String category) {
        Entitlement entitlement = rules.decide(category, victim(List.of(), "35-49", List.of()));

        assertThat(entitlement.enhanced()).isTrue();
        assertThat(entitlement.reasons()).contains("most-serious-crime:" + category);
    }

    @Test
    void theMostSeriousCategoriesAreConfigurable() {
        EntitlementRules configured = new EntitlementRules(Set.of("possession-of-weapons"));

        assertThat(configured.decide("possession-of-weapons", victim(List.of(), "35-49", List.of())).enhanced()).isTrue();
        assertThat(rules.decide("possession-of-weapons", victim(List.of(), "35-49", List.of())).enhanced()).isFalse();
    }

    /** Issue 17: configuration can only add; every category the Code names is most serious whatever it says. */
    @ParameterizedTest
    @ValueSource(strings = {"terrorism", "human-trafficking", "modern-slavery", "attempted-murder", "kidnap",
            "false-imprisonment", "arson-with-intent", "wounding-with-intent", "child-sexual-exploitation"})
    void configurationCannotTakeACodeCategoryOutOfTheEnhancedEntitlement(String flag) {
        EntitlementRules configured = new EntitlementRules(Set.of("possession-of-weapons"));

        Entitlement entitlement = configured.decide("violent-crime", victim(List.of(flag), "35-49", List.of()));

        assertThat(entitlement.enhanced()).isTrue();
        assertThat(entitlement.reasons()).contains("most-serious-crime:" + flag);
    }

    /** Issue 17: every flag referrals accepts gives an adult victim with no other ground the enhanced entitlement. */
    @ParameterizedTest
    @ValueSource(strings = {"domestic-abuse", "hate-crime", "sexual-offence", "terrorism", "human-trafficking",
            "modern-slavery", "attempted-murder", "kidnap", "false-imprisonment", "arson-with-intent",
            "wounding-with-intent", "stalking", "child-sexual-exploitation"})
    void everyFlagReferralsAcceptsGivesEnhancedEntitlement(String flag) {
        Entitlement entitlement = rules.decide("other-crime", victim(List.of(flag), "35-49", List.of()));

        assertThat(entitlement.enhanced()).as(flag).isTrue();
    }

    @Test
    void aVictimOfStalkingIsPersistentlyTargeted() {
        Entitlement entitlement = rules.decide("public-order", victim(List.of("stalking"), "35-49", List.of()));

        assertThat(entitlement.reasons()).containsExactly("persistently-targeted:stalking");
    }

    @Test
    void aVictimOfChildSexualExploitationIsAVictimOfASexualOffenceAndIntimidated() {
        Entitlement entitlement = rules.decide("other-crime", victim(List.of("child-sexual-exploitation"), "35-49", List.of()));

        assertThat(entitlement.reasons()).containsExactly("most-serious-crime:child-sexual-exploitation",
                "intimidated:child-sexual-exploitation");
    }

    @Test
    void bereavedRelativesAreVictimsOfTheMostSeriousCrime() {
        Entitlement entitlement = rules.decide("violent-crime", victim(List.of(), "50-64", List.of("bereaved")));

        assertThat(entitlement.reasons()).containsExactly("most-serious-crime:bereaved-relative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"persistently-targeted", "repeat-victim"})
    void persistentlyTargetedVictimsHaveEnhancedEntitlement(String vulnerability) {
        Entitlement entitlement = rules.decide("anti-social-behaviour", victim(List.of(), "35-49", List.of(vulnerability)));

        assertThat(entitlement.reasons()).containsExactly("persistently-targeted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0-9", "10-17"})
    void everyoneUnder18IsAVulnerableVictim(String ageBand) {
        Entitlement entitlement = rules.decide("other-theft", victim(List.of(), ageBand, List.of()));

        assertThat(entitlement.reasons()).containsExactly("vulnerable:under-18");
    }

    @Test
    void eighteenAndOverIsNotVulnerableByAge() {
        assertThat(rules.decide("other-theft", victim(List.of(), "18-24", List.of())).enhanced()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mental-disorder", "impaired-intelligence", "impaired-social-functioning", "physical-disability"})
    void aMentalOrPhysicalImpairmentMakesAVulnerableVictim(String vulnerability) {
        Entitlement entitlement = rules.decide("robbery", victim(List.of(), "35-49", List.of(vulnerability)));

        assertThat(entitlement.reasons()).containsExactly("vulnerable:" + vulnerability);
    }

    @Test
    void intimidatedVictimsHaveEnhancedEntitlement() {
        Entitlement entitlement = rules.decide("public-order", victim(List.of(), "35-49", List.of("intimidated")));

        assertThat(entitlement.reasons()).containsExactly("intimidated");
    }

    @Test
    void sexualOffenceVictimsAreIntimidatedVictimsAutomatically() {
        Entitlement entitlement = rules.decide("violent-crime", victim(List.of("sexual-offence"), "25-34", List.of()));

        assertThat(entitlement.reasons()).containsExactly("most-serious-crime:sexual-offence", "intimidated:sexual-offence");
    }

    @Test
    void traffickingVictimsAreIntimidatedVictimsAutomatically() {
        Entitlement entitlement = rules.decide("human-trafficking", victim(List.of(), "25-34", List.of()));

        assertThat(entitlement.reasons()).containsExactly("most-serious-crime:human-trafficking", "intimidated:human-trafficking");
    }

    @Test
    void everyReasonThatAppliesIsRecorded() {
        Entitlement entitlement = rules.decide("violent-crime",
                victim(List.of("domestic-abuse"), "10-17", List.of("repeat-victim", "physical-disability", "intimidated")));

        assertThat(entitlement.enhanced()).isTrue();
        assertThat(entitlement.reasons()).containsExactly("most-serious-crime:domestic-abuse", "persistently-targeted",
                "vulnerable:under-18", "vulnerable:physical-disability", "intimidated");
    }

    @Test
    void anUnknownAgeBandAndNoFlagsIsStandard() {
        assertThat(rules.decide("vehicle-crime", victim(null, null, null)).enhanced()).isFalse();
    }

    private static VictimProfile victim(List<String> flags, String ageBand, List<String> vulnerabilities) {
        return new VictimProfile(flags, ageBand, vulnerabilities, "standard", false, "victim", "a".repeat(64));
    }
}
