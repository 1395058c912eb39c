package org.saferkent.rj.rjcase.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.saferkent.rj.rjcase.domain.GivenCase.NOW;
import static org.saferkent.rj.rjcase.domain.GivenCase.given;
import static org.saferkent.rj.rjcase.domain.GivenCase.held;
import static org.saferkent.rj.rjcase.domain.GivenCase.readyToMeet;
import static org.saferkent.rj.rjcase.domain.GivenCase.scheduled;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ACPO restorative justice minimum standards (2012): restorative only if all four hold. */
class AcpoStandardsTest {

    private static final AcpoStandards ALL_MET = new AcpoStandards(true, true, true, true);
    private static final Agreement AGREEMENT = new Agreement(true, "community", 10, "Repaint the fence");

    static Stream<Arguments> eachMissingStandard() {
        return Stream.of(
                Arguments.argumentSet("the offender does not take responsibility",
                        new AcpoStandards(false, true, true, true), "offenderTakesResponsibility"),
                Arguments.argumentSet("no victim, community or affected party involved",
                        new AcpoStandards(true, false, true, true), "victimOrAffectedPartyInvolved"),
                Arguments.argumentSet("no structured process established what happened and its impact",
                        new AcpoStandards(true, true, false, true), "structuredProcess"),
                Arguments.argumentSet("the outcome neither repairs nor makes reparation",
                        new AcpoStandards(true, true, true, false), "reparation"),
                Arguments.argumentSet("a standard not asserted at all",
                        new AcpoStandards(true, null, true, true), "victimOrAffectedPartyInvolved"));
    }

    @ParameterizedTest
    @MethodSource("eachMissingStandard")
    void withOneStandardMissingTheDisposalIsNotRestorative(AcpoStandards acpo, String missing) {
        assertThat(acpo.restorative()).isFalse();
        assertThat(acpo.notMet()).containsExactly(missing);
    }

    @Test
    void withAllFourStandardsTheDisposalIsRestorative() {
        assertThat(ALL_MET.restorative()).isTrue();
        assertThat(ALL_MET.notMet()).isEmpty();
        assertThat(new AcpoStandards(false, false, false, false).notMet()).containsExactly(
                "offenderTakesResponsibility", "victimOrAffectedPartyInvolved", "structuredProcess", "reparation");
    }

    @Test
    void aCompletedRestorativeOutcomeIsRecordedAndClosesTheCaseAsCompleted() {
        RjCase rjCase = given(readyToMeet("criminal-damage-arson"), scheduled(InterventionType.DIRECT_CONFERENCE), held());

        Change change = rjCase.recordOutcome(new OutcomeReport(ALL_MET, AGREEMENT, AgreementResult.COMPLETED, 5, true), NOW);

        assertThat(change.rjCase().outcome().restorative()).isTrue();
        assertThat(change.rjCase().status()).isEqualTo(RjCaseStatus.CLOSED);
        assertThat(change.events()).hasSize(2);
        assertThat(change.events().get(0)).isInstanceOfSatisfying(RjOutcomeRecorded.class, event -> {
            assertThat(event.restorative()).isTrue();
            assertThat(event.result()).isEqualTo("completed");
            assertThat(event.victimSatisfied()).isTrue();
            assertThat(event.referralId()).isEqualTo("ref-1");
            assertThat(event.toString()).doesNotContain("Repaint the fence");
        });
        assertThat(change.events().get(1)).isInstanceOfSatisfying(RjCaseClosed.class, event -> {
            assertThat(event.reason()).isEqualTo("completed");
            assertThat(event.restorative()).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("eachMissingStandard")
    void aCompletedAgreementMissingAStandardIsNotCountedAsACompletedRestorativeCase(AcpoStandards acpo, String missing) {
        RjCase rjCase = given(readyToMeet("burglary"), scheduled(InterventionType.INDIRECT), held());

        Change change = rjCase.recordOutcome(new OutcomeReport(acpo, AGREEMENT, AgreementResult.COMPLETED, 4, true), NOW);

        assertThat(change.rjCase().outcome().acpoNotMet()).containsExactly(missing);
        assertThat(change.events().get(1)).isInstanceOfSatisfying(RjCaseClosed.class, event -> {
            assertThat(event.reason()).isEqualTo("other");
            assertThat(event.detail()).isEqualTo("not-restorative");
            assertThat(event.restorative()).isFalse();
        });
    }

    @Test
    void aFailedAgreementClosesTheCaseAsFailed() {
        RjCase rjCase = given(readyToMeet("burglary"), scheduled(InterventionType.INDIRECT), held());

        Change change = rjCase.recordOutcome(new OutcomeReport(ALL_MET, AGREEMENT, AgreementResult.FAILED, 2, false), NOW);

        assertThat(change.rjCase().closure().reason()).isEqualTo(ClosureReason.FAILED);
    }

    @Test
    void anOutcomeComesAfterTheIntervention() {
        RjCase rjCase = given(readyToMeet("burglary"), scheduled(InterventionType.INDIRECT));

        assertThatThrownBy(() -> rjCase.recordOutcome(new OutcomeReport(ALL_MET, AGREEMENT, AgreementResult.COMPLETED,
                5, true), NOW))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(RjRules.OUTCOME_AFTER_CONFERENCE));
    }

    @Test
    void aCaseIsNotClosedAsCompletedOrConsentWithdrawnByHand() {
        RjCase rjCase = readyToMeet("burglary");

        assertThatThrownBy(() -> rjCase.close(ClosureReason.COMPLETED, null, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(RjRules.CLOSURE_REASON));
        assertThatThrownBy(() -> rjCase.close(ClosureReason.CONSENT_WITHDRAWN, null, NOW))
                .isInstanceOf(RuleViolation.class);
        assertThat(rjCase.close(ClosureReason.OTHER, "offender-moved-away", NOW).rjCase().closure().reason())
                .isEqualTo(ClosureReason.OTHER);
    }
}
