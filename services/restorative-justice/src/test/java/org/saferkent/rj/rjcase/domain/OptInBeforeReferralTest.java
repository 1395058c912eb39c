package org.saferkent.rj.rjcase.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.rj.rjcase.domain.GivenCase.NOW;
import static org.saferkent.rj.rjcase.domain.GivenCase.OFFENDER;
import static org.saferkent.rj.rjcase.domain.GivenCase.POLICY;
import static org.saferkent.rj.rjcase.domain.GivenCase.VICTIM;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A victim's opt-in and their referral's routing to restorative justice come from two services on two
 * keys, so either can arrive first. Both orders end in one case, keyed by the referral, with the same
 * participants, links and sensitivity.
 */
class OptInBeforeReferralTest {

    private static final String REFERRAL = "ref-7";
    private static final String VICTIM_CASE = "vc-ref-7";

    @Test
    void theReferralRoutedAfterTheOptInJoinsTheCaseTheOptInOpenedJustAsInOrder() {
        Change inOrder = routed(RjCase.fromReferral(REFERRAL, "maidstone", "violent-crime", List.of("domestic-abuse"),
                ParticipantRole.OFFENDER, OFFENDER, POLICY, NOW).rjCase(), c -> c.victimOptedIn(VICTIM_CASE, VICTIM, NOW));

        Change optIn = RjCase.fromVictimOptIn(VICTIM_CASE, REFERRAL, "maidstone", "violent-crime", VICTIM, POLICY, NOW);
        Change merged = optIn.rjCase().referralRouted(REFERRAL, "maidstone", "violent-crime", List.of("domestic-abuse"),
                ParticipantRole.OFFENDER, OFFENDER, POLICY, NOW);

        RjCase expected = inOrder.rjCase();
        RjCase actual = merged.rjCase();
        assertThat(actual.id()).isEqualTo(expected.id()).isEqualTo(RjCase.idFor(RjCase.REFERRAL, REFERRAL));
        assertThat(seen(actual)).isEqualTo(seen(expected));
        assertThat(actual.sensitive()).isTrue();
        assertThat(actual.managerApprovalRequired()).isEqualTo(expected.managerApprovalRequired());
        assertThat(optIn.events()).singleElement().isInstanceOfSatisfying(RjCaseOpened.class,
                opened -> assertThat(opened.caseId()).isEqualTo(expected.id()));
        assertThat(merged.events()).as("the case opened once: the referral joining it announces nothing").isEmpty();
        assertThat(inOrder.events()).isEmpty();
    }

    @Test
    void theVictimNamedByBothJoinsOnceWhicheverCameFirst() {
        RjCase inOrder = routed(RjCase.fromReferral(REFERRAL, "maidstone", "burglary", List.of(), ParticipantRole.VICTIM,
                VICTIM, POLICY, NOW).rjCase(), c -> c.victimOptedIn(VICTIM_CASE, VICTIM, NOW)).rjCase();
        RjCase outOfOrder = RjCase.fromVictimOptIn(VICTIM_CASE, REFERRAL, "maidstone", "burglary", VICTIM, POLICY, NOW)
                .rjCase().referralRouted(REFERRAL, "maidstone", "burglary", List.of(), ParticipantRole.VICTIM, VICTIM,
                        POLICY, NOW).rjCase();

        assertThat(seen(outOfOrder)).isEqualTo(seen(inOrder));
        assertThat(outOfOrder.participants()).extracting(Participant::role).containsExactly(ParticipantRole.VICTIM);
    }

    @Test
    void theOptInThatOpenedTheCaseChangesNothingWhenDeliveredAgain() {
        RjCase opened = RjCase.fromVictimOptIn(VICTIM_CASE, REFERRAL, "maidstone", "burglary", VICTIM, POLICY, NOW).rjCase();

        assertThat(opened.victimOptedIn(VICTIM_CASE, VICTIM, NOW).changed()).isFalse();
    }

    @Test
    void theReferralThatOpenedTheCaseChangesNothingWhenRoutedAgain() {
        RjCase opened = RjCase.fromReferral(REFERRAL, "maidstone", "burglary", List.of(), ParticipantRole.OFFENDER,
                OFFENDER, POLICY, NOW).rjCase();

        assertThat(opened.referralRouted(REFERRAL, "maidstone", "burglary", List.of(), ParticipantRole.OFFENDER, OFFENDER,
                POLICY, NOW).changed()).isFalse();
    }

    @Test
    void anOptInWithoutItsReferralStillOpensACaseOfItsOwn() {
        RjCase opened = RjCase.fromVictimOptIn(VICTIM_CASE, null, "maidstone", "burglary", VICTIM, POLICY, NOW).rjCase();

        assertThat(opened.id()).isEqualTo(RjCase.idFor(RjCase.VICTIM_CASE, VICTIM_CASE));
    }

    private static Change routed(RjCase start, java.util.function.Function<RjCase, Change> then) {
        return then.apply(start);
    }

    /** What a practitioner sees of the case, bar the history's order and the participants' numbering. */
    private static List<Object> seen(RjCase c) {
        return List.of(c.id(), c.referralId(), c.victimCaseId() == null ? "none" : c.victimCaseId(), c.district(),
                c.category(), c.flags(), c.sensitivities(), c.status(),
                c.participants().stream().map(p -> p.role() + ":" + p.pseudonym() + ":" + p.active()).sorted().toList());
    }
}
