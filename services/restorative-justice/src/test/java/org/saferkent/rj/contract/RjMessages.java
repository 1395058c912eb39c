package org.saferkent.rj.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import au.com.dius.pact.provider.MessageAndMetadata;
import org.saferkent.contracts.ProviderMessages;
import org.saferkent.rj.rjcase.domain.AcpoStandards;
import org.saferkent.rj.rjcase.domain.Agreement;
import org.saferkent.rj.rjcase.domain.AgreementResult;
import org.saferkent.rj.rjcase.domain.Change;
import org.saferkent.rj.rjcase.domain.DirectContactPolicy;
import org.saferkent.rj.rjcase.domain.InterventionType;
import org.saferkent.rj.rjcase.domain.OutcomeReport;
import org.saferkent.rj.rjcase.domain.ParticipantRole;
import org.saferkent.rj.rjcase.domain.RiskLevel;
import org.saferkent.rj.rjcase.domain.RjCase;
import org.saferkent.rj.rjcase.domain.RjCaseClosed;
import org.saferkent.rj.rjcase.domain.RjCaseOpened;
import org.saferkent.rj.rjcase.domain.RjOutcomeRecorded;

/**
 * Restorative justice's case events made the way it makes them: a case opened from a routed
 * referral and worked through to a completed conference (which closes it), each fact through the outbox's JSON and
 * CloudEvents headers ({@link ProviderMessages#outboxEvent}).
 */
final class RjMessages {

    private static final String REFERRAL_ID = "0d6f1c2a-7e3b-4a59-9c1d-2f8e6b5a4c3d";
    private static final String VICTIM = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
    private static final String OFFENDER = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private static final Instant NOW = Instant.parse("2026-11-20T09:32:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    private RjMessages() {
    }

    private static Change opened() {
        return RjCase.fromReferral(REFERRAL_ID, "gravesham", "violent-crime", List.of(), ParticipantRole.VICTIM, VICTIM,
                new DirectContactPolicy(DirectContactPolicy.KENT_DEFAULT), NOW);
    }

    private static String idOf(RjCase rjCase, String pseudonym) {
        return rjCase.participants().stream().filter(p -> p.pseudonym().equals(pseudonym)).findFirst().orElseThrow().id();
    }

    private static RjCase held() {
        RjCase rjCase = opened().rjCase();
        List<Function<RjCase, Change>> steps = List.of(
                c -> c.addParticipant(ParticipantRole.OFFENDER, OFFENDER, 16, NOW),
                c -> c.recordConsent(idOf(c, VICTIM), true, true, TODAY, NOW),
                c -> c.recordConsent(idOf(c, OFFENDER), true, true, TODAY, NOW),
                c -> c.assessRisk(RiskLevel.LOW, "RJ facilitator 12", null, NOW),
                c -> c.assignFacilitator("Kent RJ Hub facilitator 7", NOW),
                c -> c.scheduleConference(InterventionType.DIRECT_CONFERENCE, TODAY.plusDays(7), NOW),
                c -> c.recordConferenceHeld(TODAY.plusDays(7), NOW.plusSeconds(7 * 86_400)));
        for (Function<RjCase, Change> step : steps) {
            rjCase = step.apply(rjCase).rjCase();
        }
        return rjCase;
    }

    private static Change outcome() {
        return held().recordOutcome(new OutcomeReport(new AcpoStandards(true, true, true, true),
                new Agreement(true, "community", 10, "Repaint the fence"), AgreementResult.COMPLETED, 4, true),
                NOW.plusSeconds(8 * 86_400));
    }

    private static MessageAndMetadata publish(Change change, Class<?> type) {
        Object event = change.events().stream().filter(type::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("the case produced no " + type.getSimpleName()));
        return ProviderMessages.outboxEvent("restorative-justice", change.rjCase().id(), 2, event);
    }

    static MessageAndMetadata rjCaseOpened() {
        return publish(opened(), RjCaseOpened.class);
    }

    static MessageAndMetadata rjOutcomeRecorded() {
        return publish(outcome(), RjOutcomeRecorded.class);
    }

    /** A completed outcome closes the case in the same change. */
    static MessageAndMetadata rjCaseClosed() {
        return publish(outcome(), RjCaseClosed.class);
    }
}
