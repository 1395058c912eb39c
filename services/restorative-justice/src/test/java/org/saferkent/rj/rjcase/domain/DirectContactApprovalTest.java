package org.saferkent.rj.rjcase.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.saferkent.rj.rjcase.domain.GivenCase.NOW;
import static org.saferkent.rj.rjcase.domain.GivenCase.OFFENDER;
import static org.saferkent.rj.rjcase.domain.GivenCase.TODAY;
import static org.saferkent.rj.rjcase.domain.GivenCase.VICTIM;
import static org.saferkent.rj.rjcase.domain.GivenCase.consents;
import static org.saferkent.rj.rjcase.domain.GivenCase.facilitated;
import static org.saferkent.rj.rjcase.domain.GivenCase.given;
import static org.saferkent.rj.rjcase.domain.GivenCase.joins;
import static org.saferkent.rj.rjcase.domain.GivenCase.managerApproved;
import static org.saferkent.rj.rjcase.domain.GivenCase.readyToMeet;
import static org.saferkent.rj.rjcase.domain.GivenCase.referral;
import static org.saferkent.rj.rjcase.domain.GivenCase.riskAssessed;
import static org.saferkent.rj.rjcase.domain.GivenCase.scheduled;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A risk assessment precedes any meeting; domestic abuse, sexual violence, stalking, trafficking and
 * child sexual exploitation cases need a manager's approval before direct contact.
 */
class DirectContactApprovalTest {

    @ParameterizedTest
    @ValueSource(strings = {"domestic-abuse", "sexual-offence", "stalking", "human-trafficking", "modern-slavery",
            "child-sexual-exploitation"})
    void aDirectConferenceInASensitiveCaseIsRefusedWithoutAManagersApproval(String category) {
        RjCase rjCase = readyToMeet(category);

        assertThat(rjCase.sensitive()).isTrue();
        assertThatThrownBy(() -> rjCase.scheduleConference(InterventionType.DIRECT_CONFERENCE, TODAY.plusDays(7), NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo(RjRules.MANAGER_APPROVAL_BEFORE_DIRECT_CONTACT);
                    assertThat(e.field()).isEqualTo("type");
                    assertThat(e.getMessage()).contains(category).contains("manager's approval");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"domestic-abuse", "sexual-offence", "stalking", "human-trafficking", "modern-slavery",
            "child-sexual-exploitation"})
    void withAManagersApprovalTheDirectConferenceInASensitiveCaseGoesAhead(String category) {
        RjCase rjCase = given(readyToMeet(category), managerApproved());

        Change change = rjCase.scheduleConference(InterventionType.DIRECT_CONFERENCE, TODAY.plusDays(7), NOW);

        assertThat(change.rjCase().conference().type()).isEqualTo(InterventionType.DIRECT_CONFERENCE);
    }

    @Test
    void theRiskAssessorCannotApproveDirectContactOnTheirOwnAssessment() {
        RjCase rjCase = readyToMeet("domestic-abuse");

        assertThatThrownBy(() -> rjCase.approveDirectContact("RJ facilitator 12", NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo(RjRules.APPROVER_NOT_ASSESSOR);
                    assertThat(e.field()).isEqualTo("approvedBy");
                });
        assertThat(rjCase.approveDirectContact("RJ manager 3", NOW).rjCase().managerApproval().approvedBy())
                .isEqualTo("RJ manager 3");
    }

    @Test
    void aSensitiveFlagOnAnotherCategoryNeedsTheApprovalToo() {
        RjCase rjCase = given(referral("violent-crime", List.of("hate-crime", "domestic-abuse")),
                joins(ParticipantRole.VICTIM, VICTIM), joins(ParticipantRole.OFFENDER, OFFENDER), consents(VICTIM),
                consents(OFFENDER), riskAssessed(RiskLevel.LOW), facilitated());

        assertThat(rjCase.sensitivities()).containsExactly("domestic-abuse");
        assertThatThrownBy(() -> scheduled(InterventionType.DIRECT_CONFERENCE).apply(rjCase))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(RjRules.MANAGER_APPROVAL_BEFORE_DIRECT_CONTACT));
    }

    @Test
    void aNonSensitiveCaseAtLowRiskMeetsFaceToFaceWithoutApproval() {
        RjCase rjCase = readyToMeet("burglary");

        Change change = scheduled(InterventionType.DIRECT_CONFERENCE).apply(rjCase);

        assertThat(rjCase.sensitive()).isFalse();
        assertThat(rjCase.managerApprovalRequired()).isFalse();
        assertThat(change.rjCase().conference().type()).isEqualTo(InterventionType.DIRECT_CONFERENCE);
    }

    @Test
    void aNonSensitiveCaseAssessedAsHighRiskNeedsTheApprovalForDirectContact() {
        RjCase rjCase = given(readyToMeet("burglary"), riskAssessed(RiskLevel.HIGH));

        assertThatThrownBy(() -> scheduled(InterventionType.DIRECT_CONFERENCE).apply(rjCase))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo(RjRules.MANAGER_APPROVAL_BEFORE_DIRECT_CONTACT);
                    assertThat(e.getMessage()).contains("high risk");
                });
    }

    @Test
    void indirectWorkInASensitiveCaseNeedsNoApproval() {
        RjCase rjCase = readyToMeet("domestic-abuse");

        Change change = scheduled(InterventionType.INDIRECT).apply(rjCase);

        assertThat(change.rjCase().conference().type().directContact()).isFalse();
    }

    @Test
    void noMeetingIsScheduledBeforeTheRiskIsAssessed() {
        RjCase rjCase = given(referral("burglary", List.of()), facilitated());

        assertThatThrownBy(() -> scheduled(InterventionType.INDIRECT).apply(rjCase))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(RjRules.RISK_ASSESSMENT_BEFORE_MEETING));
    }

    @Test
    void aManagerApprovesOnARiskAssessment() {
        RjCase rjCase = referral("domestic-abuse", List.of());

        assertThatThrownBy(() -> managerApproved().apply(rjCase))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(RjRules.RISK_ASSESSMENT_BEFORE_APPROVAL));
    }

    @Test
    void theRiskAssessmentIsAnnouncedWithoutItsNotesOrAssessor() {
        RjCase rjCase = referral("stalking", List.of());

        Change change = rjCase.assessRisk(RiskLevel.MEDIUM, "RJ facilitator 12", "victim fears contact", NOW);

        assertThat(change.events()).singleElement().isInstanceOfSatisfying(RjRiskAssessed.class, event -> {
            assertThat(event.level()).isEqualTo("medium");
            assertThat(event.sensitive()).isTrue();
            assertThat(event.managerApprovalRequired()).isTrue();
        });
        assertThat(change.events().get(0).toString()).doesNotContain("victim fears contact").doesNotContain("facilitator 12");
    }

    @Test
    void theRuleIsCheckedAgainWhenTheConferenceIsHeld() {
        RjCase rjCase = given(readyToMeet("burglary"), scheduled(InterventionType.DIRECT_CONFERENCE),
                riskAssessed(RiskLevel.HIGH));

        assertThatThrownBy(() -> rjCase.recordConferenceHeld(TODAY, NOW))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(RjRules.MANAGER_APPROVAL_BEFORE_DIRECT_CONTACT));
    }
}
