package org.saferkent.referrals.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MaracScreeningTest {

    private static final MaracRules RULES = MaracRules.defaults();
    private static final LocalDate LAST_MARAC = LocalDate.of(2025, 3, 10);

    private static SubjectHistory referredToMaracOn(LocalDate date) {
        return new SubjectHistory(List.of(), date);
    }

    @Test
    void theDefaultRulesAreTwelveMonthsAndThreeIncidents() {
        assertThat(RULES).isEqualTo(new MaracRules(Period.ofMonths(12), 3, Period.ofMonths(12)));
    }

    @Test
    void aHighRiskCaseGoesToMarac() {
        // given a subject with no history, when a HIGH risk incident is screened
        MaracDecision decision = MaracScreening.screen(RiskLevel.HIGH, LocalDate.of(2025, 6, 1),
                SubjectHistory.empty(), RULES);

        // then it is referred for its risk alone
        assertThat(decision.refer()).isTrue();
        assertThat(decision.reasons()).containsExactly(MaracReason.HIGH_RISK);
        assertThat(decision.incidentsInEscalationWindow()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = RiskLevel.class, names = {"STANDARD", "MEDIUM"})
    void aFirstIncidentBelowHighRiskDoesNotGoToMarac(RiskLevel level) {
        MaracDecision decision = MaracScreening.screen(level, LocalDate.of(2025, 6, 1), SubjectHistory.empty(), RULES);

        assertThat(decision.refer()).isFalse();
        assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void anIncidentWithNoDashIsStillScreenedForRepeat() {
        MaracDecision decision = MaracScreening.screen(null, LAST_MARAC.plusMonths(2), referredToMaracOn(LAST_MARAC),
                RULES);

        assertThat(decision.reasons()).containsExactly(MaracReason.REPEAT);
    }

    @Test
    void aStandardRiskIncidentWithinTwelveMonthsOfTheLastMaracIsARepeatRegardlessOfScore() {
        // given a subject referred to MARAC on 10 March 2025
        SubjectHistory history = referredToMaracOn(LAST_MARAC);

        // when a STANDARD risk incident happens five months later
        MaracDecision decision = MaracScreening.screen(RiskLevel.STANDARD, LocalDate.of(2025, 8, 10), history, RULES);

        // then it goes back to MARAC as a repeat
        assertThat(decision.refer()).isTrue();
        assertThat(decision.reasons()).containsExactly(MaracReason.REPEAT);
    }

    @Test
    void anIncidentOnTheTwelveMonthAnniversaryOfTheLastMaracIsARepeat() {
        MaracDecision decision = MaracScreening.screen(RiskLevel.STANDARD, LocalDate.of(2026, 3, 10),
                referredToMaracOn(LAST_MARAC), RULES);

        assertThat(decision.reasons()).containsExactly(MaracReason.REPEAT);
    }

    @Test
    void anIncidentTheDayAfterTheTwelveMonthAnniversaryIsNotARepeat() {
        MaracDecision decision = MaracScreening.screen(RiskLevel.STANDARD, LocalDate.of(2026, 3, 11),
                referredToMaracOn(LAST_MARAC), RULES);

        assertThat(decision.refer()).isFalse();
        assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void anIncidentOnTheDayOfTheLastMaracReferralIsARepeat() {
        MaracDecision decision = MaracScreening.screen(RiskLevel.MEDIUM, LAST_MARAC, referredToMaracOn(LAST_MARAC),
                RULES);

        assertThat(decision.reasons()).containsExactly(MaracReason.REPEAT);
    }

    @Test
    void anIncidentDatedBeforeTheLastMaracReferralIsNotARepeatOfIt() {
        MaracDecision decision = MaracScreening.screen(RiskLevel.STANDARD, LAST_MARAC.minusDays(1),
                referredToMaracOn(LAST_MARAC), RULES);

        assertThat(decision.refer()).isFalse();
    }

    @Test
    void theAnniversaryOfALeapDayMaracReferralIsTheTwentyEighthOfFebruary() {
        // given a MARAC referral on 29 February 2024: java.time puts 12 months later on 28 February 2025
        LocalDate leapDay = LocalDate.of(2024, 2, 29);
        assertThat(leapDay.plus(Period.ofMonths(12))).isEqualTo(LocalDate.of(2025, 2, 28));
        SubjectHistory history = referredToMaracOn(leapDay);

        // when incidents happen on the anniversary and the day after
        MaracDecision onAnniversary = MaracScreening.screen(RiskLevel.STANDARD, LocalDate.of(2025, 2, 28), history, RULES);
        MaracDecision dayAfter = MaracScreening.screen(RiskLevel.STANDARD, LocalDate.of(2025, 3, 1), history, RULES);

        // then only the first is a repeat
        assertThat(onAnniversary.reasons()).containsExactly(MaracReason.REPEAT);
        assertThat(dayAfter.refer()).isFalse();
    }

    @Test
    void aRepeatHighRiskIncidentGivesBothReasons() {
        MaracDecision decision = MaracScreening.screen(RiskLevel.HIGH, LAST_MARAC.plusMonths(1),
                referredToMaracOn(LAST_MARAC), RULES);

        assertThat(decision.reasons()).containsExactly(MaracReason.HIGH_RISK, MaracReason.REPEAT);
    }

    @Test
    void aThirdIncidentWithinTwelveMonthsEscalatesToMarac() {
        // given two earlier incidents in the past year and no MARAC referral
        LocalDate incident = LocalDate.of(2025, 9, 1);
        SubjectHistory history = new SubjectHistory(
                List.of(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 6, 20)), null);

        // when a STANDARD risk incident is screened
        MaracDecision decision = MaracScreening.screen(RiskLevel.STANDARD, incident, history, RULES);

        // then three incidents in twelve months escalate it
        assertThat(decision.refer()).isTrue();
        assertThat(decision.reasons()).containsExactly(MaracReason.ESCALATION);
        assertThat(decision.incidentsInEscalationWindow()).isEqualTo(3);
    }

    @Test
    void aSecondIncidentWithinTwelveMonthsDoesNotEscalate() {
        SubjectHistory history = new SubjectHistory(List.of(LocalDate.of(2025, 6, 20)), null);

        MaracDecision decision = MaracScreening.screen(RiskLevel.MEDIUM, LocalDate.of(2025, 9, 1), history, RULES);

        assertThat(decision.refer()).isFalse();
        assertThat(decision.incidentsInEscalationWindow()).isEqualTo(2);
    }

    @Test
    void incidentsOutsideTheEscalationWindowAreNotCounted() {
        // given one incident just over twelve months before, one exactly twelve months before, one recent
        LocalDate incident = LocalDate.of(2025, 9, 1);
        SubjectHistory history = new SubjectHistory(List.of(
                LocalDate.of(2024, 8, 31), LocalDate.of(2023, 1, 1), LocalDate.of(2025, 5, 1)), null);

        MaracDecision decision = MaracScreening.screen(RiskLevel.STANDARD, incident, history, RULES);

        assertThat(decision.incidentsInEscalationWindow()).isEqualTo(2);
        assertThat(decision.refer()).isFalse();
    }

    @Test
    void anIncidentExactlyTwelveMonthsEarlierIsInsideTheEscalationWindow() {
        LocalDate incident = LocalDate.of(2025, 9, 1);
        SubjectHistory history = new SubjectHistory(List.of(LocalDate.of(2024, 9, 1), LocalDate.of(2025, 5, 1)), null);

        MaracDecision decision = MaracScreening.screen(RiskLevel.STANDARD, incident, history, RULES);

        assertThat(decision.incidentsInEscalationWindow()).isEqualTo(3);
        assertThat(decision.reasons()).containsExactly(MaracReason.ESCALATION);
    }

    @Test
    void incidentsDatedAfterTheScreenedOneAreNotPrior() {
        LocalDate incident = LocalDate.of(2025, 9, 1);
        SubjectHistory history = new SubjectHistory(List.of(LocalDate.of(2025, 9, 2), LocalDate.of(2025, 5, 1)), null);

        MaracDecision decision = MaracScreening.screen(RiskLevel.STANDARD, incident, history, RULES);

        assertThat(decision.incidentsInEscalationWindow()).isEqualTo(2);
    }

    @Test
    void twoEarlierIncidentsOnOneDayBothCount() {
        LocalDate sameDay = LocalDate.of(2025, 7, 4);
        SubjectHistory history = new SubjectHistory(List.of(sameDay, sameDay), null);

        MaracDecision decision = MaracScreening.screen(RiskLevel.STANDARD, LocalDate.of(2025, 9, 1), history, RULES);

        assertThat(decision.reasons()).containsExactly(MaracReason.ESCALATION);
    }

    @Test
    void configuredRulesReplaceTheDefaults() {
        MaracRules twoInSixMonths = new MaracRules(Period.ofMonths(6), 2, Period.ofMonths(6));
        SubjectHistory history = new SubjectHistory(List.of(LocalDate.of(2025, 4, 1)), LocalDate.of(2025, 1, 1));

        MaracDecision decision = MaracScreening.screen(RiskLevel.STANDARD, LocalDate.of(2025, 8, 1), history,
                twoInSixMonths);

        assertThat(decision.reasons()).containsExactly(MaracReason.ESCALATION);
    }
}
