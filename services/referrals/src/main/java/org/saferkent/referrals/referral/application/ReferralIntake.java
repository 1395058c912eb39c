package org.saferkent.referrals.referral.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.platform.workingdays.WorkingDayCalendar;
import org.saferkent.referrals.referral.adapter.out.persistence.PersonalDetailsStore;
import org.saferkent.referrals.referral.domain.NewReferral;
import org.saferkent.referrals.referral.domain.Pathway;
import org.saferkent.referrals.referral.domain.Referral;
import org.saferkent.referrals.referral.domain.ReferralClock;
import org.saferkent.referrals.triage.domain.RiskLevel;
import org.saferkent.referrals.triage.domain.SubjectRole;

/**
 * Takes in referrals: triage, then the referral and its events in one write through the outbox; the
 * subject's personal details are stored apart, never in the referral or its events.
 *
 * <p>Crash-consistent without transactions: the referral is written last and is the commit point. What is
 * written before it (the subject's history, the personal details) counts only once the referral exists
 * ({@link UnfinishedIntakes}, and the claim check asks for the referral first). A process killed part way
 * leaves nothing that counts, and the agency's retry with the same reference (the same referral id) writes
 * everything again, idempotently, and then the referral.
 */
public class ReferralIntake {

    /** The referral, and whether this call created it (false: a replay of an earlier request). */
    public record Outcome(Referral referral, boolean created) {
    }

    private final AggregateStore<Referral> referrals;
    private final PersonalDetailsStore personalDetails;
    private final TriagePolicy triage;
    private final WorkingDayCalendar calendar;
    private final int victimDetailsWorkingDays;
    private final Map<RiskLevel, Integer> triageWorkingDays;
    private final IntakeSteps steps;
    private final Clock clock;

    public ReferralIntake(AggregateStore<Referral> referrals, PersonalDetailsStore personalDetails, TriagePolicy triage,
            WorkingDayCalendar calendar, int victimDetailsWorkingDays, Map<RiskLevel, Integer> triageWorkingDays,
            IntakeSteps steps, Clock clock) {
        this.steps = steps;
        this.referrals = referrals;
        this.personalDetails = personalDetails;
        this.triage = triage;
        this.calendar = calendar;
        this.victimDetailsWorkingDays = victimDetailsWorkingDays;
        this.triageWorkingDays = triageWorkingDays;
        this.clock = clock;
    }

    public Outcome receive(NewReferral request) {
        return receive(idFor(request), request);
    }

    /**
     * An agency's batch, each referral taken as by {@link #receive} on its own, in order: the referrals already
     * taken found in one read and answered as replays, and the keys of the new ones' people read, or created
     * for people new to the partnership, in one query and one write before any is sealed, instead of one each.
     */
    public List<Outcome> receiveAll(List<NewReferral> requests) {
        List<String> ids = requests.stream().map(ReferralIntake::idFor).toList();
        Map<String, Loaded<Referral>> earlier = referrals.findAll(ids);
        List<String> newPeople = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (!earlier.containsKey(ids.get(i))) {
                newPeople.add(triage.pseudonymOf(requests.get(i)));
            }
        }
        personalDetails.prepareKeys(newPeople);
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Loaded<Referral> taken = earlier.get(ids.get(i));
            outcomes.add(taken != null ? new Outcome(taken.state(), false) : receive(ids.get(i), requests.get(i)));
        }
        return outcomes;
    }

    private Outcome receive(String id, NewReferral request) {
        Optional<Referral> earlier = find(id);
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), false); // the agency sent this reference before
        }
        Instant now = clock.instant();
        TriagePolicy.Decision decision = triage.decide(id, request, now);
        steps.reached(IntakeSteps.Step.HISTORY_RECORDED, id);
        personalDetails.save(id, decision.subject().pseudonym(), request.personal());
        steps.reached(IntakeSteps.Step.DETAILS_SAVED, id);
        Referral.Change received = Referral.receive(id, request, decision.subject(), decision.triage(), decision.placement(),
                clocks(request, decision, now), now);
        if (referrals.insert(id, received.referral(), received.events())) {
            if (triage.recordAgainIfUndone(id, request, decision, now)) {
                personalDetails.save(id, decision.subject().pseudonym(), request.personal());
            }
            return new Outcome(received.referral(), true);
        }
        return new Outcome(find(id).orElseThrow(), false); // the same reference raced in from another request
    }

    public Optional<Referral> find(String id) {
        return referrals.find(id).map(Loaded::state);
    }

    private List<ReferralClock> clocks(NewReferral request, TriagePolicy.Decision decision, Instant now) {
        List<ReferralClock> clocks = new ArrayList<>();
        List<String> pathways = decision.placement().pathways();
        boolean toVictimServices = pathways.contains(Pathway.VICTIM_SUPPORT.code()) || pathways.contains(Pathway.DOMESTIC_ABUSE.code());
        // Victims' Code 2020, para 4.5: unless the victim opted out; from when the agency had the victim's details
        if (request.role() == SubjectRole.VICTIM && toVictimServices && !request.victimOptedOut()) {
            Instant detailsReceived = request.receivedByAgencyAt() != null ? request.receivedByAgencyAt() : now;
            clocks.add(new ReferralClock(ReferralClock.VICTIM_DETAILS, calendar.deadline(detailsReceived, victimDetailsWorkingDays),
                    null, null));
        }
        RiskLevel risk = RiskLevel.valueOf(decision.triage().riskLevel().toUpperCase(java.util.Locale.ROOT));
        Integer days = triageWorkingDays.get(risk);
        if (days != null && !pathways.isEmpty()) {
            clocks.add(new ReferralClock(ReferralClock.TRIAGE, calendar.deadline(now, days), null, null));
        }
        return clocks;
    }

    /** An agency's own reference is its idempotency key: the same reference always names the same referral. */
    static String idFor(NewReferral request) {
        if (request.agencyReference() == null) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((request.agency() + "\u0000" + request.agencyReference())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
