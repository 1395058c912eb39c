package org.saferkent.rj.rjcase.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.saferkent.rj.rjcase.domain.GivenCase.NOW;
import static org.saferkent.rj.rjcase.domain.GivenCase.OFFENDER;
import static org.saferkent.rj.rjcase.domain.GivenCase.TODAY;
import static org.saferkent.rj.rjcase.domain.GivenCase.VICTIM;
import static org.saferkent.rj.rjcase.domain.GivenCase.facilitated;
import static org.saferkent.rj.rjcase.domain.GivenCase.given;
import static org.saferkent.rj.rjcase.domain.GivenCase.idOf;
import static org.saferkent.rj.rjcase.domain.GivenCase.joins;
import static org.saferkent.rj.rjcase.domain.GivenCase.managerApproved;
import static org.saferkent.rj.rjcase.domain.GivenCase.readyToMeet;
import static org.saferkent.rj.rjcase.domain.GivenCase.referral;
import static org.saferkent.rj.rjcase.domain.GivenCase.riskAssessed;
import static org.saferkent.rj.rjcase.domain.GivenCase.scheduled;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A conference is held on or after the risk assessment and every participant's consent; a re-assessment
 * at a higher risk withdraws an approval given under a lower one.
 */
class ConferenceRulesTest {

    @Test
    void aConferenceDatedBeforeTheRiskAssessmentIsRefusedNamingTheDate() {
        RjCase rjCase = given(readyToMeet("burglary"), scheduled(InterventionType.INDIRECT));

        assertThatThrownBy(() -> rjCase.recordConferenceHeld(TODAY.minusDays(1), NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo(RjRules.CONFERENCE_AFTER_RISK_ASSESSMENT);
                    assertThat(e.field()).isEqualTo("heldOn");
                    assertThat(e.getMessage()).contains(TODAY.toString());
                });
    }

    @Test
    void aConferenceDatedBeforeAParticipantsConsentIsRefusedNamingTheDate() {
        RjCase rjCase = given(referral("burglary", List.of()), joins(ParticipantRole.VICTIM, VICTIM),
                joins(ParticipantRole.OFFENDER, OFFENDER),
                c -> c.recordConsent(idOf(c, VICTIM), true, true, TODAY.minusDays(20), NOW),
                c -> c.recordConsent(idOf(c, OFFENDER), true, true, TODAY.minusDays(3), NOW),
                c -> c.assessRisk(RiskLevel.LOW, "RJ facilitator 12", null, NOW.minus(Duration.ofDays(10))),
                facilitated(), scheduled(InterventionType.INDIRECT));

        assertThatThrownBy(() -> rjCase.recordConferenceHeld(TODAY.minusDays(5), NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo(RjRules.CONFERENCE_AFTER_CONSENT);
                    assertThat(e.field()).isEqualTo("heldOn");
                    assertThat(e.getMessage()).contains(idOf(rjCase, OFFENDER)).contains(TODAY.minusDays(3).toString());
                });
        assertThat(rjCase.recordConferenceHeld(TODAY.minusDays(3), NOW).rjCase().conference().heldOn())
                .as("the day of the last consent will do").isEqualTo(TODAY.minusDays(3));
    }

    @Test
    void aReassessmentAtAHigherRiskWithdrawsTheApprovalGivenUnderTheLowerOne() {
        RjCase approved = given(readyToMeet("domestic-abuse"), managerApproved());
        assertThat(approved.managerApproval().riskLevel()).isEqualTo(RiskLevel.LOW);

        RjCase reassessed = given(approved, riskAssessed(RiskLevel.HIGH));

        assertThat(reassessed.managerApproval()).isNull();
        assertThat(reassessed.timeline()).anySatisfy(entry -> {
            assertThat(entry.what()).isEqualTo("manager approval withdrawn");
            assertThat(entry.detail()).contains("low").contains("high");
        });
        assertThatThrownBy(() -> scheduled(InterventionType.DIRECT_CONFERENCE).apply(reassessed))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(RjRules.MANAGER_APPROVAL_BEFORE_DIRECT_CONTACT));
        assertThat(given(reassessed, managerApproved()).managerApproval().riskLevel()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void aScheduledDirectConferenceCannotBeHeldOnceTheApprovalIsWithdrawn() {
        RjCase rjCase = given(readyToMeet("stalking"), managerApproved(), scheduled(InterventionType.DIRECT_CONFERENCE),
                riskAssessed(RiskLevel.MEDIUM));

        assertThatThrownBy(() -> rjCase.recordConferenceHeld(TODAY, NOW))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(RjRules.MANAGER_APPROVAL_BEFORE_DIRECT_CONTACT));
    }

    @Test
    void aReassessmentAtTheSameOrALowerRiskLeavesTheApprovalStanding() {
        RjCase approved = given(readyToMeet("domestic-abuse"), riskAssessed(RiskLevel.MEDIUM), managerApproved());

        assertThat(given(approved, riskAssessed(RiskLevel.MEDIUM)).managerApproval()).isNotNull();
        assertThat(given(approved, riskAssessed(RiskLevel.LOW)).managerApproval()).isNotNull();
        assertThat(given(approved, riskAssessed(RiskLevel.LOW), riskAssessed(RiskLevel.MEDIUM)).managerApproval())
                .as("measured against the level the approval was given under").isNotNull();
    }
}
