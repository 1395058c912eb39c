package org.saferkent.referrals.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DashAssessmentTest {

    private static final DashThresholds DEFAULTS = DashThresholds.defaults();

    /** A completed checklist with the first {@code yes} questions answered "yes" and the rest "no". */
    private static List<Boolean> answers(DashChecklist checklist, int yes) {
        List<Boolean> answers = new ArrayList<>(Collections.nCopies(checklist.questions(), false));
        for (int i = 0; i < yes; i++) {
            answers.set(i, true);
        }
        return answers;
    }

    @Test
    void thePoliceChecklistHas27QuestionsAndSafeLives24() {
        assertThat(DashChecklist.POLICE.questions()).isEqualTo(27);
        assertThat(DashChecklist.SAFELIVES.questions()).isEqualTo(24);
    }

    @Test
    void theDefaultThresholdsAre14ForHighAnd10ForMedium() {
        assertThat(DEFAULTS).isEqualTo(new DashThresholds(14, 10));
    }

    @ParameterizedTest(name = "{0} checklist, {1} yes -> {2}")
    @CsvSource({
            "POLICE, 0, STANDARD", "POLICE, 9, STANDARD", "POLICE, 10, MEDIUM", "POLICE, 13, MEDIUM",
            "POLICE, 14, HIGH", "POLICE, 27, HIGH",
            "SAFELIVES, 0, STANDARD", "SAFELIVES, 9, STANDARD", "SAFELIVES, 10, MEDIUM", "SAFELIVES, 13, MEDIUM",
            "SAFELIVES, 14, HIGH", "SAFELIVES, 24, HIGH"})
    void theNumberOfYesAnswersGivesTheRiskLevel(DashChecklist checklist, int yes, RiskLevel expected) {
        // given a completed checklist with no professional judgement recorded
        List<Boolean> answers = answers(checklist, yes);

        // when it is assessed
        DashResult result = DashAssessment.assess(checklist, answers, null, DEFAULTS);

        // then the count alone sets the level
        assertThat(result.yesAnswers()).isEqualTo(yes);
        assertThat(result.scored()).isEqualTo(expected);
        assertThat(result.level()).isEqualTo(expected);
        assertThat(result.raisedByProfessionalJudgement()).isFalse();
    }

    @Test
    void yesAnswersCountWhereverTheyFallOnTheChecklist() {
        List<Boolean> answers = new ArrayList<>(Collections.nCopies(27, false));
        for (int i = 26; i > 12; i--) {
            answers.set(i, true);
        }

        DashResult result = DashAssessment.assess(DashChecklist.POLICE, answers, null, DEFAULTS);

        assertThat(result.yesAnswers()).isEqualTo(14);
        assertThat(result.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void onlyAHighLevelGoesToMarac() {
        assertThat(DashAssessment.assess(DashChecklist.POLICE, answers(DashChecklist.POLICE, 14), null, DEFAULTS)
                .goesToMarac()).isTrue();
        assertThat(DashAssessment.assess(DashChecklist.POLICE, answers(DashChecklist.POLICE, 13), null, DEFAULTS)
                .goesToMarac()).isFalse();
    }

    @ParameterizedTest(name = "{0} checklist with {1} answers is rejected")
    @CsvSource({"POLICE, 26", "POLICE, 28", "POLICE, 24", "SAFELIVES, 23", "SAFELIVES, 25", "SAFELIVES, 27"})
    void aChecklistWithTheWrongNumberOfAnswersIsRejected(DashChecklist checklist, int count) {
        List<Boolean> answers = Collections.nCopies(count, true);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> DashAssessment.assess(checklist, answers, null, DEFAULTS))
                .withMessageContaining(checklist.name())
                .withMessageContaining(checklist.questions() + " questions")
                .withMessageContaining(count + " answers");
    }

    @ParameterizedTest
    @EnumSource(DashChecklist.class)
    void aMissingAnswerIsRejectedNamingTheQuestion(DashChecklist checklist) {
        List<Boolean> answers = answers(checklist, 5);
        answers.set(6, null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> DashAssessment.assess(checklist, answers, null, DEFAULTS))
                .withMessageContaining("question 7")
                .withMessageContaining("missing");
    }

    @Test
    void professionalJudgementRaisesAStandardScoreToHigh() {
        // given 5 "yes" answers and a practitioner who judges the risk HIGH
        List<Boolean> answers = answers(DashChecklist.SAFELIVES, 5);

        // when assessed
        DashResult result = DashAssessment.assess(DashChecklist.SAFELIVES, answers, RiskLevel.HIGH, DEFAULTS);

        // then the level is raised and the score is kept
        assertThat(result.scored()).isEqualTo(RiskLevel.STANDARD);
        assertThat(result.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(result.raisedByProfessionalJudgement()).isTrue();
        assertThat(result.goesToMarac()).isTrue();
    }

    @Test
    void professionalJudgementRaisesAMediumScoreToHigh() {
        DashResult result = DashAssessment.assess(DashChecklist.POLICE, answers(DashChecklist.POLICE, 12),
                RiskLevel.HIGH, DEFAULTS);

        assertThat(result.scored()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(result.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(result.raisedByProfessionalJudgement()).isTrue();
    }

    @Test
    void professionalJudgementNeverLowersAHighScore() {
        // given 16 "yes" answers and a practitioner who judges the risk STANDARD
        List<Boolean> answers = answers(DashChecklist.POLICE, 16);

        // when assessed
        DashResult result = DashAssessment.assess(DashChecklist.POLICE, answers, RiskLevel.STANDARD, DEFAULTS);

        // then the scored level stands
        assertThat(result.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(result.raisedByProfessionalJudgement()).isFalse();
    }

    @Test
    void professionalJudgementNeverLowersAMediumScore() {
        DashResult result = DashAssessment.assess(DashChecklist.SAFELIVES, answers(DashChecklist.SAFELIVES, 11),
                RiskLevel.STANDARD, DEFAULTS);

        assertThat(result.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(result.raisedByProfessionalJudgement()).isFalse();
    }

    @Test
    void aJudgementEqualToTheScoreIsNotARaise() {
        DashResult result = DashAssessment.assess(DashChecklist.POLICE, answers(DashChecklist.POLICE, 10),
                RiskLevel.MEDIUM, DEFAULTS);

        assertThat(result.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(result.raisedByProfessionalJudgement()).isFalse();
    }

    @Test
    void configuredThresholdsReplaceTheDefaults() {
        DashThresholds stricter = new DashThresholds(12, 8);

        DashResult result = DashAssessment.assess(DashChecklist.POLICE, answers(DashChecklist.POLICE, 12), null,
                stricter);

        assertThat(result.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void thresholdsWhereHighIsNotAboveMediumAreRejected() {
        assertThatThrownBy(() -> new DashThresholds(10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DashThresholds(14, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void riskLevelsAreOrderedAndTheHigherWins() {
        assertThat(RiskLevel.STANDARD).isLessThan(RiskLevel.MEDIUM);
        assertThat(RiskLevel.MEDIUM).isLessThan(RiskLevel.HIGH);
        assertThat(RiskLevel.STANDARD.max(RiskLevel.HIGH)).isEqualTo(RiskLevel.HIGH);
        assertThat(RiskLevel.HIGH.max(RiskLevel.MEDIUM)).isEqualTo(RiskLevel.HIGH);
        assertThat(RiskLevel.MEDIUM.max(null)).isEqualTo(RiskLevel.MEDIUM);
    }
}
