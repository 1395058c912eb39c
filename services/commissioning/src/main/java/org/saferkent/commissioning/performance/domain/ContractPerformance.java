package org.saferkent.commissioning.performance.domain;

import org.saferkent.platform.workingdays.Quarter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.saferkent.commissioning.vocabulary.Measure;

/**
 * Computes a contract's performance in one district and quarter from the district's facts. An
 * activity counts for the contract when its pathway is covered and it happened on a day of the
 * quarter the contract covers. Pure: the same facts give the same snapshot, live or rebuilt.
 */
public final class ContractPerformance {

    private ContractPerformance() {
    }

    public static PerformanceSnapshot of(ContractTerms contract, String district, Quarter quarter, DistrictFacts facts,
            PathwayScope scope) {
        LocalDate[] window = contract.window(quarter);
        LocalDate from = window[0];
        LocalDate to = window[1];
        Set<String> pathways = contract.pathways();

        Set<String> routed = new HashSet<>();
        Set<String> accepted = new HashSet<>();
        Set<String> declined = new HashSet<>();
        for (ReferralFact referral : facts.referrals()) {
            if (!district.equals(referral.district()) || !pathways.contains(referral.pathway())
                    || facts.linkedReferralIds().contains(referral.referralId())) {
                continue;
            }
            if (in(referral.routedOn(), from, to)) {
                routed.add(referral.referralId());
            }
            if (in(referral.acceptedOn(), from, to)) {
                accepted.add(referral.referralId());
            }
            if (in(referral.declinedOn(), from, to)) {
                declined.add(referral.referralId());
            }
        }
        long duplicates = facts.links().stream()
                .filter(link -> district.equals(link.district()) && in(link.linkedOn(), from, to))
                .filter(link -> facts.routedPathways().getOrDefault(link.linkedTo(), Set.of()).stream().anyMatch(pathways::contains))
                .count();

        long victimsSupported = 0;
        long contactsDue = 0;
        long contactedInTime = 0;
        long deadlinesMissed = 0;
        long outcomes = 0;
        long coped = 0;
        long needsWithOutcome = 0;
        long needsMet = 0;
        for (VictimCaseFact victimCase : facts.victimCases()) {
            if (!district.equals(victimCase.district()) || !pathways.contains(victimCase.pathway())) {
                continue;
            }
            if (in(victimCase.openedOn(), from, to)) {
                victimsSupported++;
            }
            if (victimCase.firstContactDecided() && in(victimCase.firstContactCountsOn(), from, to)) {
                contactsDue++;
                if (victimCase.contactedWithinDeadline()) {
                    contactedInTime++;
                }
            }
            deadlinesMissed += victimCase.missedDueOn().stream().filter(day -> in(day, from, to)).count();
            VictimOutcomeFact outcome = victimCase.outcome();
            if (outcome != null && in(outcome.recordedOn(), from, to)) {
                outcomes++;
                coped += outcome.copeAndRecover() ? 1 : 0;
                needsWithOutcome += outcome.needsAssessed();
                needsMet += outcome.needsMet();
            }
        }

        long rjOpened = 0;
        long rjClosed = 0;
        long rjCompleted = 0;
        long satisfactionResponses = 0;
        long satisfied = 0;
        long recommendResponses = 0;
        long wouldRecommend = 0;
        if (pathways.contains(scope.restorativeJustice())) {
            for (RjCaseFact rjCase : facts.rjCases()) {
                if (!district.equals(rjCase.district())) {
                    continue;
                }
                if (in(rjCase.openedOn(), from, to)) {
                    rjOpened++;
                }
                if (in(rjCase.closedOn(), from, to)) {
                    rjClosed++;
                    rjCompleted += rjCase.completed() ? 1 : 0;
                }
                RjOutcomeFact outcome = rjCase.outcome();
                if (outcome != null && in(outcome.recordedOn(), from, to)) {
                    if (outcome.victimSatisfaction() != null) {
                        satisfactionResponses++;
                        satisfied += outcome.victimSatisfaction() >= RjOutcomeFact.SATISFIED_FROM ? 1 : 0;
                    }
                    if (outcome.wouldRecommend() != null) {
                        recommendResponses++;
                        wouldRecommend += outcome.wouldRecommend() ? 1 : 0;
                    }
                }
            }
        }

        long entrants = 0;
        long entrantsYearBefore = 0;
        boolean answersForEntrants = pathways.stream().anyMatch(scope.firstTimeEntrants()::contains);
        if (answersForEntrants) {
            LocalDate fromYearBefore = from.minusYears(1);
            LocalDate toYearBefore = to.minusYears(1);
            for (FteFact entrant : facts.firstTimeEntrants()) {
                if (!district.equals(entrant.district()) || !entrant.counts()) {
                    continue;
                }
                entrants += in(entrant.disposalOn(), from, to) ? 1 : 0;
                entrantsYearBefore += in(entrant.disposalOn(), fromYearBefore, toYearBefore) ? 1 : 0;
            }
        }

        long valueProRated = proRate(contract, from, to);
        PerformanceCounts counts = new PerformanceCounts(routed.size(), accepted.size(), declined.size(), duplicates,
                victimsSupported, contactsDue, contactedInTime, deadlinesMissed, outcomes, coped, needsWithOutcome,
                needsMet, rjOpened, rjClosed, rjCompleted, satisfactionResponses, satisfied, recommendResponses,
                wouldRecommend, entrants, entrantsYearBefore, valueProRated);
        return snapshot(contract, district, quarter, from, to, counts, answersForEntrants);
    }

    /** The measure a target names, as an exact ratio; null when absent. */
    public static Ratio measure(Measure measure, PerformanceCounts c, boolean answersForEntrants) {
        return switch (measure) {
            case CONTACTED_WITHIN_DEADLINE_SHARE -> Ratio.of(c.contactedWithinDeadline(), c.firstContactsDue());
            case COPE_AND_RECOVER_SHARE -> Ratio.of(c.copedAndRecovered(), c.outcomesRecorded());
            case NEEDS_MET_SHARE -> Ratio.of(c.needsMet(), c.needsWithOutcome());
            case REFERRALS_ACCEPTED_SHARE -> Ratio.of(c.referralsAccepted(), c.referralsAccepted() + c.referralsDeclined());
            case RJ_COMPLETION_SHARE -> Ratio.of(c.rjCasesCompleted(), c.rjCasesClosed());
            case RJ_SATISFACTION_SHARE -> Ratio.of(c.rjVictimsSatisfied(), c.rjSatisfactionResponses());
            case RJ_WOULD_RECOMMEND_SHARE -> Ratio.of(c.rjWouldRecommend(), c.rjRecommendResponses());
            case FTE_REDUCTION -> answersForEntrants
                    ? Ratio.of(c.firstTimeEntrantsYearBefore() - c.firstTimeEntrants(), c.firstTimeEntrantsYearBefore())
                    : null;
            // pence over 100 × victims: GBP per victim
            case COST_PER_VICTIM_SUPPORTED -> c.victimsSupported() == 0 ? null
                    : Ratio.of(c.valueProRatedPence(), 100 * c.victimsSupported());
        };
    }

    /** The value spread evenly over the agreed period's days, for the days {@code from..to}, to the penny. */
    static long proRate(ContractTerms contract, LocalDate from, LocalDate to) {
        long periodDays = ChronoUnit.DAYS.between(contract.periodStart(), contract.periodEnd()) + 1;
        long coveredDays = from.isAfter(to) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
        return BigDecimal.valueOf(contract.valuePence()).multiply(BigDecimal.valueOf(coveredDays))
                .divide(BigDecimal.valueOf(periodDays), 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static PerformanceSnapshot snapshot(ContractTerms contract, String district, Quarter quarter, LocalDate from,
            LocalDate to, PerformanceCounts counts, boolean answersForEntrants) {
        PerformanceMeasures measures = new PerformanceMeasures(
                share(Measure.CONTACTED_WITHIN_DEADLINE_SHARE, counts, answersForEntrants),
                share(Measure.COPE_AND_RECOVER_SHARE, counts, answersForEntrants),
                share(Measure.NEEDS_MET_SHARE, counts, answersForEntrants),
                share(Measure.REFERRALS_ACCEPTED_SHARE, counts, answersForEntrants),
                share(Measure.RJ_COMPLETION_SHARE, counts, answersForEntrants),
                share(Measure.RJ_SATISFACTION_SHARE, counts, answersForEntrants),
                share(Measure.RJ_WOULD_RECOMMEND_SHARE, counts, answersForEntrants),
                share(Measure.FTE_REDUCTION, counts, answersForEntrants),
                Ratio.display(measure(Measure.COST_PER_VICTIM_SUPPORTED, counts, answersForEntrants), 2));
        List<TargetStatus> targets = new ArrayList<>();
        for (Target target : contract.targets()) {
            Ratio value = measure(target.measure(), counts, answersForEntrants);
            int scale = target.measure().scale() == Measure.Scale.MONEY ? 2 : 4;
            targets.add(new TargetStatus(target.measure().code(), target.target().doubleValue(),
                    target.amberWithin().doubleValue(), Ratio.display(value, scale), target.assess(value).code()));
        }
        return new PerformanceSnapshot(contract.contractId(), contract.provider(), contract.service(), district,
                quarter.toString(), quarter.financialYearLabel(), from, to, counts, measures, targets);
    }

    private static Double share(Measure measure, PerformanceCounts counts, boolean answersForEntrants) {
        return Ratio.display(measure(measure, counts, answersForEntrants), 4);
    }

    private static boolean in(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
