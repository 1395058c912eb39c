package org.saferkent.rj.rjcase.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Builds a case from its history for the domain tests: {@code given(...)} the decisions already taken,
 * then the test's own decision is the "when", and its {@link Change} or refusal the "then".
 */
final class GivenCase {

    static final Instant NOW = Instant.parse("2026-05-11T10:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-05-11");
    static final DirectContactPolicy POLICY = new DirectContactPolicy(DirectContactPolicy.KENT_DEFAULT);
    static final String VICTIM = "a".repeat(64);
    static final String OFFENDER = "b".repeat(64);
    static final String SECOND_OFFENDER = "c".repeat(64);
    static final String AFFECTED = "d".repeat(64);

    private GivenCase() {
    }

    /** A case opened from a referral in {@code category} (with {@code flags}), no participants yet. */
    static RjCase referral(String category, List<String> flags) {
        return RjCase.fromReferral("ref-1", "maidstone", category, flags, null, null, POLICY, NOW).rjCase();
    }

    @SafeVarargs
    static RjCase given(RjCase start, Function<RjCase, Change>... decisions) {
        RjCase current = start;
        for (Function<RjCase, Change> decision : decisions) {
            current = decision.apply(current).rjCase();
        }
        return current;
    }

    static Function<RjCase, Change> joins(ParticipantRole role, String pseudonym) {
        return c -> c.addParticipant(role, pseudonym, role == ParticipantRole.OFFENDER ? 16 : 34, NOW);
    }

    /** The participant with this pseudonym consents (written and informed). */
    static Function<RjCase, Change> consents(String pseudonym) {
        return c -> c.recordConsent(idOf(c, pseudonym), true, true, TODAY, NOW);
    }

    static Function<RjCase, Change> withdraws(String pseudonym) {
        return c -> c.withdrawConsent(idOf(c, pseudonym), TODAY, NOW);
    }

    static Function<RjCase, Change> riskAssessed(RiskLevel level) {
        return c -> c.assessRisk(level, "RJ facilitator 12", null, NOW);
    }

    static Function<RjCase, Change> facilitated() {
        return c -> c.assignFacilitator("Kent RJ Hub facilitator 7", NOW);
    }

    static Function<RjCase, Change> managerApproved() {
        return c -> c.approveDirectContact("RJ manager 3", NOW);
    }

    static Function<RjCase, Change> scheduled(InterventionType type) {
        return c -> c.scheduleConference(type, TODAY.plusDays(7), NOW);
    }

    static Function<RjCase, Change> held() {
        return c -> c.recordConferenceHeld(TODAY, NOW);
    }

    /** A case with a consenting victim and offender, risk assessed low, a facilitator, ready to meet. */
    static RjCase readyToMeet(String category) {
        return given(referral(category, List.of()),
                joins(ParticipantRole.VICTIM, VICTIM), joins(ParticipantRole.OFFENDER, OFFENDER),
                consents(VICTIM), consents(OFFENDER), riskAssessed(RiskLevel.LOW), facilitated());
    }

    static String idOf(RjCase c, String pseudonym) {
        return c.participants().stream().filter(p -> p.pseudonym().equals(pseudonym)).findFirst().orElseThrow().id();
    }
}
