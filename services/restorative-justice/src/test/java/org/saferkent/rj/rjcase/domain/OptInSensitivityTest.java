package org.saferkent.rj.rjcase.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.saferkent.rj.rjcase.domain.GivenCase.NOW;
import static org.saferkent.rj.rjcase.domain.GivenCase.OFFENDER;
import static org.saferkent.rj.rjcase.domain.GivenCase.POLICY;
import static org.saferkent.rj.rjcase.domain.GivenCase.TODAY;
import static org.saferkent.rj.rjcase.domain.GivenCase.VICTIM;
import static org.saferkent.rj.rjcase.domain.GivenCase.consents;
import static org.saferkent.rj.rjcase.domain.GivenCase.facilitated;
import static org.saferkent.rj.rjcase.domain.GivenCase.given;
import static org.saferkent.rj.rjcase.domain.GivenCase.joins;
import static org.saferkent.rj.rjcase.domain.GivenCase.managerApproved;
import static org.saferkent.rj.rjcase.domain.GivenCase.riskAssessed;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A case a victim's opt-in opened carries its referral's flags and sensitivity however it was opened;
 * until the referral is known the case is treated as sensitive: no direct contact without a manager's approval.
 */
class OptInSensitivityTest {

    private static final String REFERRAL = "ref-9";
    private static final String VICTIM_CASE = "vc-ref-9";

    @Test
    void anOptInWhoseReferralIsNotKnownYetNeedsAManagersApprovalForDirectContact() {
        RjCase rjCase = readyToMeet(optIn(REFERRAL, "burglary"));

        assertThat(rjCase.referralPending()).isTrue();
        assertThat(rjCase.managerApprovalRequired()).isTrue();
        assertThatThrownBy(() -> rjCase.scheduleConference(InterventionType.DIRECT_CONFERENCE, TODAY.plusDays(7), NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo(RjRules.MANAGER_APPROVAL_BEFORE_DIRECT_CONTACT);
                    assertThat(e.field()).isEqualTo("type");
                    assertThat(e.getMessage()).contains("referral");
                });
        assertThat(given(rjCase, managerApproved()).scheduleConference(InterventionType.DIRECT_CONFERENCE,
                TODAY.plusDays(7), NOW).rjCase().conference().type()).isEqualTo(InterventionType.DIRECT_CONFERENCE);
    }

    @Test
    void anOptInWithoutAReferralNeverLearnsItsFlagsSoDirectContactAlwaysNeedsApproval() {
        RjCase rjCase = readyToMeet(optIn(null, "burglary"));

        assertThat(rjCase.referralPending()).isTrue();
        assertThatThrownBy(() -> rjCase.scheduleConference(InterventionType.DIRECT_CONFERENCE, TODAY.plusDays(7), NOW))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(RjRules.MANAGER_APPROVAL_BEFORE_DIRECT_CONTACT));
    }

    @Test
    void onceTheReferralIsKnownAndNotSensitiveTheCaseMeetsWithoutApprovalAsIfOpenedFromIt() {
        RjCase rjCase = readyToMeet(optIn(REFERRAL, "burglary")).referralRouted(REFERRAL, "maidstone", "burglary",
                List.of("hate-crime"), null, null, POLICY, NOW).rjCase();

        assertThat(rjCase.referralPending()).isFalse();
        assertThat(rjCase.managerApprovalRequired()).isFalse();
        assertThat(rjCase.scheduleConference(InterventionType.DIRECT_CONFERENCE, TODAY.plusDays(7), NOW).changed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"domestic-abuse", "sexual-offence", "stalking", "human-trafficking", "child-sexual-exploitation"})
    void theReferralsSensitiveFlagReachesTheCaseWhicheverCameFirst(String flag) {
        RjCase optInFirst = readyToMeet(optIn(REFERRAL, "violent-crime")).referralRouted(REFERRAL, "maidstone",
                "violent-crime", List.of(flag), null, null, POLICY, NOW).rjCase();
        RjCase referralFirst = readyToMeet(RjCase.fromReferral(REFERRAL, "maidstone", "violent-crime", List.of(flag), null,
                null, POLICY, NOW).rjCase().victimOptedIn(VICTIM_CASE, null, NOW).rjCase());

        for (RjCase rjCase : List.of(optInFirst, referralFirst)) {
            assertThat(rjCase.sensitivities()).containsExactly(flag);
            assertThat(rjCase.referralPending()).isFalse();
            assertThatThrownBy(() -> rjCase.scheduleConference(InterventionType.DIRECT_CONFERENCE, TODAY.plusDays(7), NOW))
                    .isInstanceOfSatisfying(RuleViolation.class, e -> {
                        assertThat(e.rule()).isEqualTo(RjRules.MANAGER_APPROVAL_BEFORE_DIRECT_CONTACT);
                        assertThat(e.getMessage()).contains(flag);
                    });
        }
    }

    @Test
    void aReferralRoutedElsewhereStillGivesTheOptInsCaseItsFlagsButNotItsSubject() {
        RjCase opened = optIn(REFERRAL, "violent-crime");

        Change learnt = opened.referralKnown(REFERRAL, "maidstone", "violent-crime", List.of("stalking"), POLICY, NOW);

        assertThat(learnt.rjCase().sensitivities()).containsExactly("stalking");
        assertThat(learnt.rjCase().referralPending()).isFalse();
        assertThat(learnt.rjCase().participants()).hasSameSizeAs(opened.participants());
        assertThat(learnt.events()).isEmpty();
        assertThat(learnt.rjCase().referralKnown(REFERRAL, "maidstone", "violent-crime", List.of("stalking"), POLICY, NOW)
                .changed()).as("learnt once").isFalse();
    }

    @Test
    void aCaseWhoseReferralWasMergedBeforeItsArrivalWasKeptStillKnowsIt() {
        RjCase merged = readyToMeet(optIn(REFERRAL, "burglary")).referralRouted(REFERRAL, "maidstone", "burglary",
                List.of(), null, null, POLICY, NOW).rjCase();
        RjCase stored = new RjCase(merged.id(), merged.source(), merged.sourceId(), merged.referralId(), merged.victimCaseId(),
                merged.district(), merged.category(), merged.flags(), merged.sensitivities(), null, merged.offenceDate(),
                merged.status(), merged.participants(), merged.riskAssessment(), merged.managerApproval(),
                merged.facilitator(), merged.conference(), merged.outcome(), merged.closure(), merged.timeline(),
                merged.openedAt());

        assertThat(stored.referralPending()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"domestic-abuse", "sexual-offence", "stalking", "human-trafficking", "child-sexual-exploitation"})
    void configurationCanAddSensitiveCategoriesButNeverRemoveTheStatutoryOnes(String category) {
        DirectContactPolicy narrowed = new DirectContactPolicy(Set.of("modern-slavery"));

        assertThat(narrowed.sensitivities(category, List.of())).containsExactly(category);
        assertThat(narrowed.sensitivities("burglary", List.of(category))).containsExactly(category);
        assertThat(narrowed.sensitivities("burglary", List.of("modern-slavery"))).containsExactly("modern-slavery");
    }

    private static RjCase optIn(String referralId, String category) {
        return RjCase.fromVictimOptIn(VICTIM_CASE, referralId, "maidstone", category, VICTIM, POLICY, NOW).rjCase();
    }

    private static RjCase readyToMeet(RjCase opened) {
        return given(opened, joins(ParticipantRole.VICTIM, VICTIM), joins(ParticipantRole.OFFENDER, OFFENDER),
                consents(VICTIM), consents(OFFENDER), riskAssessed(RiskLevel.LOW), facilitated());
    }
}
