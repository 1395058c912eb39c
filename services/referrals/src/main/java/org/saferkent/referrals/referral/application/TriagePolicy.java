package org.saferkent.referrals.referral.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex.Incident;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex.SubjectRecord;
import org.saferkent.referrals.referral.domain.NewReferral;
import org.saferkent.referrals.referral.domain.Pathway;
import org.saferkent.referrals.referral.domain.Referral.Placement;
import org.saferkent.referrals.referral.domain.SubjectProfile;
import org.saferkent.referrals.referral.domain.Triage;
import org.saferkent.referrals.triage.domain.AgeBands;
import org.saferkent.referrals.triage.domain.DashAssessment;
import org.saferkent.referrals.triage.domain.DashChecklist;
import org.saferkent.referrals.triage.domain.DashResult;
import org.saferkent.referrals.triage.domain.DashThresholds;
import org.saferkent.referrals.triage.domain.DuplicateDetection;
import org.saferkent.referrals.triage.domain.DuplicateRules;
import org.saferkent.referrals.triage.domain.MaracDecision;
import org.saferkent.referrals.triage.domain.MaracRules;
import org.saferkent.referrals.triage.domain.MaracScreening;
import org.saferkent.referrals.triage.domain.PriorReferral;
import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.saferkent.referrals.triage.domain.RiskLevel;
import org.saferkent.referrals.triage.domain.RoutingTable;
import org.saferkent.referrals.triage.domain.SubjectHistory;

/**
 * Triage of one referral against the subject's history: pseudonym, risk (DASH), MARAC (high risk,
 * repeat, escalation), duplicate linking and routing. The subject's history is updated with a version
 * check and the whole decision retried on a conflict, so concurrent referrals of one person stay
 * consistent across instances. The history is believed only as {@link UnfinishedIntakes} settles it: an
 * entry whose referral was never written (the intake died) never counts.
 */
public class TriagePolicy {

    private static final ZoneId KENT = ZoneId.of("Europe/London");
    private static final int ATTEMPTS = 5;

    /** What triage decided. */
    public record Decision(SubjectProfile subject, Triage triage, Placement placement) {
    }

    private final Pseudonymiser pseudonymiser;
    private final DashThresholds dashThresholds;
    private final MaracRules maracRules;
    private final DuplicateRules duplicateRules;
    private final RoutingTable routing;
    private final SubjectIndex subjects;
    private final UnfinishedIntakes unfinished;

    public TriagePolicy(Pseudonymiser pseudonymiser, DashThresholds dashThresholds, MaracRules maracRules,
            DuplicateRules duplicateRules, RoutingTable routing, SubjectIndex subjects, UnfinishedIntakes unfinished) {
        this.unfinished = unfinished;
        this.pseudonymiser = pseudonymiser;
        this.dashThresholds = dashThresholds;
        this.maracRules = maracRules;
        this.duplicateRules = duplicateRules;
        this.routing = routing;
        this.subjects = subjects;
    }

    public Decision decide(String referralId, NewReferral referral, Instant now) {
        String pseudonym = pseudonymOf(referral);
        // after a rotation of the partnership secret: the subject's history recorded under an earlier secret moves to this pseudonym
        subjects.adopt(pseudonym, pseudonymiser.previousPseudonyms(referral.personal().name(), referral.personal().dateOfBirth(),
                referral.personal().postcode()));
        LocalDate today = LocalDate.ofInstant(now, KENT);
        Integer age = referral.personal().dateOfBirth() == null ? null : AgeBands.ageOn(referral.personal().dateOfBirth(), today);
        SubjectProfile subject = new SubjectProfile(referral.role(), pseudonym, age == null ? null : AgeBands.band(age), age,
                List.copyOf(referral.vulnerabilities()));
        List<String> personKeys = personKeys(referral);
        List<String> nhsKeys = nhsKeys(referral);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // the person's history wherever they were referred from before (README, "Who a person is")
            SubjectIndex.Located located = subjects.locate(pseudonym, personKeys, nhsKeys);
            SubjectRecord stored = located.record();
            UnfinishedIntakes.Settled settled = unfinished.settle(stored, referralId);
            SubjectRecord history = settled.history();
            Decision decision = decide(referralId, referral, subject, history, today, now);
            if (history.referralIds().contains(referralId)) {
                return decision; // recorded by a request for the same referral that has finished meanwhile
            }
            SubjectRecord next = record(referralId, referral, decision, history, today, now)
                    .knownAs(located.storedUnder(), pseudonym, personKeys, nhsKeys);
            if (subjects.save(located.storedUnder(), stored, next)) {
                unfinished.forget(settled);
                return decision;
            }
        }
        throw new ConcurrentUpdateException("subjects", pseudonym, -1);
    }

    /** The partnership pseudonym the referral's subject is known by (and their personal data sealed under). */
    public String pseudonymOf(NewReferral referral) {
        return pseudonymiser.pseudonym(referral.personal().name(), referral.personal().dateOfBirth(), referral.personal().postcode());
    }

    /** The person's keyed NHS number, when the agency gave one: never kept in clear, published, shown or logged. */
    private List<String> nhsKeys(NewReferral referral) {
        return referral.nhsNumber() == null ? List.of() : pseudonymiser.nhsKeys(referral.nhsNumber());
    }

    /** The person's link keys (name and date of birth, keyed), never published, shown or logged. */
    private List<String> personKeys(NewReferral referral) {
        return referral.personal().dateOfBirth() == null ? List.of()
                : pseudonymiser.personKeys(referral.personal().name(), referral.personal().dateOfBirth());
    }

    /**
     * After the referral was written: whether its history entries had been undone meanwhile (the intake stalled
     * longer than the in-flight grace and a reader took it for dead), in which case they are recorded again, now
     * final. One read when all is well.
     *
     * @return true when they had to be recorded again (the personal details were forgotten with them)
     */
    public boolean recordAgainIfUndone(String referralId, NewReferral referral, Decision decision, Instant now) {
        String pseudonym = decision.subject().pseudonym();
        List<String> personKeys = personKeys(referral);
        List<String> nhsKeys = nhsKeys(referral);
        LocalDate today = LocalDate.ofInstant(now, KENT);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SubjectIndex.Located located = subjects.locate(pseudonym, personKeys, nhsKeys);
            SubjectRecord stored = located.record();
            if (stored.referralIds().contains(referralId)) {
                return false;
            }
            SubjectRecord history = unfinished.settle(stored, referralId).history();
            if (subjects.save(located.storedUnder(), stored, record(referralId, referral, decision, history, today, now)
                    .knownAs(located.storedUnder(), pseudonym, personKeys, nhsKeys).confirmed())) {
                return true;
            }
        }
        throw new ConcurrentUpdateException("subjects", pseudonym, -1);
    }

    private Decision decide(String referralId, NewReferral referral, SubjectProfile subject, SubjectRecord history,
            LocalDate today, Instant now) {
        List<PriorReferral> priors = history.priors().stream().filter(p -> !p.referralId().equals(referralId)).toList();
        Optional<PriorReferral> duplicated = DuplicateDetection.firstReferralDuplicated(referral.agency(),
                referral.crimeReference(), referral.category(), referral.flags(), now, priors, duplicateRules);

        RiskLevel judgement = referral.dash() == null || referral.dash().professionalJudgement() == null ? null
                : RiskLevel.valueOf(referral.dash().professionalJudgement().toUpperCase(Locale.ROOT));
        RiskLevel level = judgement != null ? judgement : RiskLevel.STANDARD;
        Integer yesAnswers = null;
        boolean raised = false;
        if (referral.dash() != null) {
            DashResult result = DashAssessment.assess(DashChecklist.valueOf(referral.dash().checklist().toUpperCase(Locale.ROOT)),
                    referral.dash().answers(), judgement, dashThresholds);
            level = result.level();
            yesAnswers = result.yesAnswers();
            raised = result.raisedByProfessionalJudgement();
        }
        boolean marac = false;
        List<String> maracReasons = List.of();
        if (referral.isDomesticAbuse()) {
            List<LocalDate> incidents = history.domesticAbuseIncidents().stream()
                    .filter(i -> !i.referralId().equals(referralId)).map(Incident::date).toList();
            MaracDecision screening = MaracScreening.screen(level, incidentDate(referral, today),
                    new SubjectHistory(incidents, history.lastMaracReferral()), maracRules);
            marac = screening.refer();
            maracReasons = screening.reasons().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList();
        }
        Triage triage = new Triage(level.name().toLowerCase(Locale.ROOT), yesAnswers, raised, marac, maracReasons);

        if (duplicated.isPresent()) {
            PriorReferral first = duplicated.get();
            String reason = DuplicateDetection.sameCrimeReference(first.crimeReference(), referral.crimeReference())
                    ? "same-crime-reference" : "same-category-within-window";
            return new Decision(subject, triage, new Placement(first.referralId(), reason, List.of()));
        }
        Set<String> pathways = new LinkedHashSet<>();
        referral.requestedPathways().forEach(p -> pathways.add(p.code()));
        List<String> categories = new ArrayList<>();
        categories.add(referral.category());
        categories.addAll(referral.flags());
        for (String category : categories) {
            pathways.addAll(routing.route(category, level, subject.role(), subject.age()));
        }
        if (marac) {
            pathways.add(Pathway.DOMESTIC_ABUSE.code());
        }
        return new Decision(subject, triage, new Placement(null, null, List.copyOf(pathways)));
    }

    private SubjectRecord record(String referralId, NewReferral referral, Decision decision, SubjectRecord history,
            LocalDate today, Instant now) {
        List<PriorReferral> priors = new ArrayList<>(history.priors());
        if (decision.placement().linkedTo() == null) {
            priors.add(new PriorReferral(referralId, referral.agency(), referral.crimeReference(), referral.category(), now,
                    referral.flags()));
        }
        List<Incident> incidents = new ArrayList<>(history.domesticAbuseIncidents());
        // a linked duplicate is the same incident reported again: it must not count twice towards escalation
        if (referral.isDomesticAbuse() && decision.placement().linkedTo() == null) {
            incidents.add(new Incident(referralId, incidentDate(referral, today)));
        }
        // the case is referred to MARAC on the day this referral is received, linked or not (its own risk is
        // its own safeguarding fact); the date only moves forward: a historic incident never moves it back
        LocalDate lastMarac = history.lastMaracReferral();
        if (decision.triage().marac() && (lastMarac == null || today.isAfter(lastMarac))) {
            lastMarac = today;
        }
        List<String> ids = new ArrayList<>(history.referralIds());
        ids.add(referralId);
        // pending until the referral is written: until then nobody may believe these entries (UnfinishedIntakes)
        return new SubjectRecord(history.version() + 1, priors, incidents, lastMarac, ids,
                new SubjectIndex.Pending(referralId, now, history.lastMaracReferral()), history.links());
    }

    private static LocalDate incidentDate(NewReferral referral, LocalDate today) {
        return referral.incidentDate() != null ? referral.incidentDate() : today;
    }
}
