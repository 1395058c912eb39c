package org.saferkent.rj.rjcase.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.saferkent.rj.rjcase.domain.GivenCase.AFFECTED;
import static org.saferkent.rj.rjcase.domain.GivenCase.NOW;
import static org.saferkent.rj.rjcase.domain.GivenCase.OFFENDER;
import static org.saferkent.rj.rjcase.domain.GivenCase.SECOND_OFFENDER;
import static org.saferkent.rj.rjcase.domain.GivenCase.TODAY;
import static org.saferkent.rj.rjcase.domain.GivenCase.VICTIM;
import static org.saferkent.rj.rjcase.domain.GivenCase.consents;
import static org.saferkent.rj.rjcase.domain.GivenCase.given;
import static org.saferkent.rj.rjcase.domain.GivenCase.held;
import static org.saferkent.rj.rjcase.domain.GivenCase.idOf;
import static org.saferkent.rj.rjcase.domain.GivenCase.joins;
import static org.saferkent.rj.rjcase.domain.GivenCase.readyToMeet;
import static org.saferkent.rj.rjcase.domain.GivenCase.referral;
import static org.saferkent.rj.rjcase.domain.GivenCase.scheduled;
import static org.saferkent.rj.rjcase.domain.GivenCase.withdraws;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Written, informed consent, withdrawable at any time: a withdrawal ends that participant's part. */
class ConsentWithdrawalTest {

    @Test
    void consentIsRecordedOnceAndAnnouncedWithThePseudonymOnly() {
        RjCase rjCase = given(referral("burglary", List.of()), joins(ParticipantRole.VICTIM, VICTIM));

        Change change = rjCase.recordConsent("p1", true, true, TODAY, NOW);

        assertThat(change.rjCase().participants().get(0).consenting()).isTrue();
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(RjConsentRecorded.class, event -> {
            assertThat(event.role()).isEqualTo("victim");
            assertThat(event.participantPseudonym()).isEqualTo(VICTIM);
            assertThat(event.referralId()).isEqualTo("ref-1");
        });
        assertThat(change.rjCase().recordConsent("p1", true, true, TODAY, NOW).changed()).isFalse();
    }

    @Test
    void consentThatIsNotWrittenAndInformedIsRefused() {
        RjCase rjCase = given(referral("burglary", List.of()), joins(ParticipantRole.VICTIM, VICTIM));

        assertThatThrownBy(() -> rjCase.recordConsent("p1", false, true, TODAY, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("written"))
                .hasMessageContaining("written and informed");
        assertThatThrownBy(() -> rjCase.recordConsent("p1", true, false, TODAY, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(RjRules.WRITTEN_INFORMED_CONSENT));
    }

    @Test
    void oneOfTwoOffendersWithdrawingEndsTheirPartButTheCaseGoesOn() {
        RjCase rjCase = given(readyToMeet("burglary"), joins(ParticipantRole.OFFENDER, SECOND_OFFENDER),
                consents(SECOND_OFFENDER));

        Change change = withdraws(SECOND_OFFENDER).apply(rjCase);

        assertThat(change.rjCase().status()).isEqualTo(RjCaseStatus.OPEN);
        assertThat(change.rjCase().findParticipant(idOf(rjCase, SECOND_OFFENDER)).orElseThrow().withdrawn()).isTrue();
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(RjConsentWithdrawn.class,
                event -> assertThat(event.caseContinues()).isTrue());
    }

    @Test
    void theVictimWithdrawingWhileAnotherAffectedPartyTakesPartLeavesTheCaseOpen() {
        RjCase rjCase = given(readyToMeet("criminal-damage-arson"), joins(ParticipantRole.AFFECTED_PARTY, AFFECTED),
                consents(AFFECTED));

        Change change = withdraws(VICTIM).apply(rjCase);

        assertThat(change.rjCase().status()).isEqualTo(RjCaseStatus.OPEN);
    }

    @Test
    void theOnlyOffenderWithdrawingClosesTheCaseAsConsentWithdrawnNeverCompleted() {
        RjCase rjCase = readyToMeet("burglary");

        Change change = withdraws(OFFENDER).apply(rjCase);

        assertThat(change.rjCase().status()).isEqualTo(RjCaseStatus.CLOSED);
        assertThat(change.rjCase().closure().reason()).isEqualTo(ClosureReason.CONSENT_WITHDRAWN);
        assertThat(change.events()).hasSize(2);
        assertThat(change.events().get(0)).isInstanceOfSatisfying(RjConsentWithdrawn.class,
                event -> assertThat(event.caseContinues()).isFalse());
        assertThat(change.events().get(1)).isInstanceOfSatisfying(RjCaseClosed.class, event -> {
            assertThat(event.reason()).isEqualTo("consent-withdrawn").isNotEqualTo("completed");
            assertThat(event.outcome()).isEqualTo("consent-withdrawn");
            assertThat(event.restorative()).isFalse();
            assertThat(event.referralId()).isEqualTo("ref-1");
        });
    }

    @Test
    void theOnlyVictimWithdrawingClosesTheCaseAsConsentWithdrawn() {
        Change change = withdraws(VICTIM).apply(readyToMeet("burglary"));

        assertThat(change.rjCase().closure().reason()).isEqualTo(ClosureReason.CONSENT_WITHDRAWN);
        assertThat(change.rjCase().closure().detail()).isEqualTo("no-victim-or-affected-party");
    }

    @Test
    void aCaseClosedByWithdrawalCanNeverBeRecordedAsCompleted() {
        RjCase closed = given(readyToMeet("burglary"), scheduled(InterventionType.INDIRECT), withdraws(OFFENDER));

        assertThatThrownBy(() -> held().apply(closed))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(RjRules.CASE_OPEN));
        assertThatThrownBy(() -> closed.close(ClosureReason.OTHER, null, NOW)).isInstanceOf(RuleViolation.class);
        assertThat(closed.closure().reason()).isEqualTo(ClosureReason.CONSENT_WITHDRAWN);
    }

    @Test
    void aParticipantWhoWithdrewCannotConsentOrJoinAgain() {
        RjCase rjCase = given(readyToMeet("burglary"), joins(ParticipantRole.OFFENDER, SECOND_OFFENDER),
                withdraws(SECOND_OFFENDER));
        String second = idOf(rjCase, SECOND_OFFENDER);

        assertThatThrownBy(() -> rjCase.recordConsent(second, true, true, TODAY, NOW))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(RjRules.WITHDRAWAL_ENDS_PARTICIPATION));
        assertThatThrownBy(() -> rjCase.addParticipant(ParticipantRole.OFFENDER, SECOND_OFFENDER, 16, NOW))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(RjRules.WITHDRAWAL_ENDS_PARTICIPATION));
    }

    @Test
    void aWithdrawalBeforeTheOtherSideHasJoinedDoesNotCloseTheCaseForThem() {
        RjCase rjCase = given(referral("burglary", List.of()), joins(ParticipantRole.VICTIM, VICTIM),
                joins(ParticipantRole.AFFECTED_PARTY, AFFECTED));

        Change change = withdraws(AFFECTED).apply(rjCase);

        assertThat(change.rjCase().status()).isEqualTo(RjCaseStatus.OPEN);
    }

    @Test
    void theConferenceNeedsTheConsentOfEveryoneStillTakingPart() {
        RjCase rjCase = given(readyToMeet("burglary"), joins(ParticipantRole.AFFECTED_PARTY, AFFECTED),
                scheduled(InterventionType.INDIRECT));

        assertThatThrownBy(() -> held().apply(rjCase))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo(RjRules.CONSENT_OF_EVERY_PARTICIPANT);
                    assertThat(e.field()).isEqualTo("participants." + idOf(rjCase, AFFECTED));
                });
        assertThat(given(rjCase, withdraws(AFFECTED), held()).conference().held()).isTrue();
    }

    @Test
    void withdrawingTwiceChangesNothing() {
        RjCase rjCase = given(readyToMeet("burglary"), joins(ParticipantRole.OFFENDER, SECOND_OFFENDER),
                withdraws(SECOND_OFFENDER));

        assertThat(withdraws(SECOND_OFFENDER).apply(rjCase).changed()).isFalse();
    }
}
