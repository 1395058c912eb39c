package org.saferkent.commissioning.performance.domain;

import org.saferkent.platform.workingdays.Quarter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.saferkent.commissioning.vocabulary.Measure;

/**
 * Computes a contract's performance in one district and quarter from the district's facts. An
 * activity counts for the contract when one of its pathways is covered (a victim case serving two
 * pathways counts once for a contract covering either or both) and it happened on a day of the
 * quarter the contract covers: the sum of the district's {@link DayCounts} over those days. Pure: the
 * same facts give the same snapshot, live (from stored day buckets) or rebuilt.
 */
public final class ContractPerformance {

    private ContractPerformance() {
    }

    public static PerformanceSnapshot of(ContractTerms contract, String district, Quarter quarter, DistrictFacts facts,
            PathwayScope scope) {
        return of(contract, district, quarter, DayCounts.byDay(facts, district), scope);
    }

    /**
     * The same from the district's {@link DayCounts}: the days of the window (and the same days a
     * year before) are all it reads, so a cell costs the same whatever else is stored.
     */
    public static PerformanceSnapshot of(ContractTerms contract, String district, Quarter quarter, Map<LocalDate, DayCounts> days,
            PathwayScope scope) {
        LocalDate[] window = contract.window(quarter);
        LocalDate from = window[0];
        LocalDate to = window[1];
        Set<String> pathways = contract.pathways();
        boolean answersForRj = pathways.contains(scope.restorativeJustice());
        boolean answersForEntrants = pathways.stream().anyMatch(scope.firstTimeEntrants()::contains);

        long[] referrals = new long[DayCounts.Step.values().length];
        long duplicates = 0;
        DayCounts.VictimCounts victims = DayCounts.VictimCounts.NONE;
        DayCounts.RjCounts rj = DayCounts.RjCounts.NONE;
        long entrants = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            DayCounts counts = days.get(day);
            if (counts == null) {
                continue;
            }
            for (Map.Entry<DayCounts.ReferralKey, Long> referral : counts.referrals().entrySet()) {
                if (referral.getKey().countsFor(pathways, from)) {
                    referrals[referral.getKey().step().ordinal()] += referral.getValue();
                }
            }
            for (Map.Entry<Set<String>, Long> linked : counts.duplicates().entrySet()) {
                if (linked.getKey().stream().anyMatch(pathways::contains)) {
                    duplicates += linked.getValue();
                }
            }
            for (Map.Entry<Set<String>, DayCounts.VictimCounts> served : counts.victims().entrySet()) {
                if (served.getKey().stream().anyMatch(pathways::contains)) {
                    victims = victims.plus(served.getValue());
                }
            }
            if (answersForRj) {
                rj = rj.plus(counts.restorativeJustice());
            }
            if (answersForEntrants) {
                entrants += counts.firstTimeEntrants();
            }
        }
        long entrantsYearBefore = 0;
        if (answersForEntrants) {
            for (LocalDate day = from.minusYears(1); !day.isAfter(to.minusYears(1)); day = day.plusDays(1)) {
                DayCounts counts = days.get(day);
                entrantsYearBefore += counts == null ? 0 : counts.firstTimeEntrants();
            }
        }

        long valueProRated = valuePence(contract, district, quarter);
        PerformanceCounts counts = new PerformanceCounts(referrals[DayCounts.Step.ROUTED.ordinal()],
                referrals[DayCounts.Step.ACCEPTED.ordinal()], referrals[DayCounts.Step.DECLINED.ordinal()], duplicates,
                victims.supported(), victims.firstContactsDue(), victims.contactedWithinDeadline(), victims.deadlinesMissed(),
                victims.outcomesRecorded(), victims.copedAndRecovered(), victims.needsWithOutcome(), victims.needsMet(),
                rj.opened(), rj.closed(), rj.completed(), rj.satisfactionResponses(), rj.satisfied(), rj.recommendResponses(),
                rj.wouldRecommend(), entrants, entrantsYearBefore, valueProRated, victims.opened(), victims.declined(),
                victims.unableToContact());
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
            // pence over 100 × victims support was delivered to: GBP per victim
            case COST_PER_VICTIM_SUPPORTED -> c.victimsSupported() == 0 ? null
                    : Ratio.of(c.valueProRatedPence(), 100 * c.victimsSupported());
        };
    }

    /**
     * The part of the contract's value that is the district's in the days of {@code quarter} the
     * contract covers, to the penny. The value is spread over the agreed period's days, then each
     * stretch of days (a quarter's days within the agreed period, split where the contract ended
     * early) shared among the districts by their shares (equally when the contract names none). Each
     * split hands out whole pennies by largest remainder (ties to the earlier stretch, then the
     * district first by name), so the cells of a full period sum to exactly the value: none is lost
     * or counted twice, and a quarter's districts sum to the quarter's pennies.
     */
    public static long valuePence(ContractTerms contract, String district, Quarter quarter) {
        LocalDate[] window = contract.window(quarter);
        List<LocalDate[]> stretches = stretches(contract);
        List<BigDecimal> days = new ArrayList<>();
        int which = -1;
        for (LocalDate[] stretch : stretches) {
            if (stretch[0].equals(window[0]) && stretch[1].equals(window[1])) {
                which = days.size();
            }
            days.add(BigDecimal.valueOf(ChronoUnit.DAYS.between(stretch[0], stretch[1]) + 1));
        }
        if (which < 0) {
            return 0;
        }
        long stretchPence = largestRemainder(contract.valuePence(), days)[which];
        List<String> districts = new ArrayList<>(new TreeSet<>(contract.districts()));
        int index = districts.indexOf(district);
        if (index < 0) {
            return 0;
        }
        return largestRemainder(stretchPence, districts.stream().map(contract::weightOf).toList())[index];
    }

    /** The agreed period in stretches of days: each quarter's days within it, split the day after an early end. */
    private static List<LocalDate[]> stretches(ContractTerms contract) {
        List<LocalDate[]> stretches = new ArrayList<>();
        if (contract.periodEnd().isBefore(contract.periodStart())) {
            return stretches;
        }
        LocalDate covered = contract.coveredUntil();
        for (Quarter quarter : Quarter.between(contract.periodStart(), contract.periodEnd())) {
            LocalDate from = quarter.firstDay().isBefore(contract.periodStart()) ? contract.periodStart() : quarter.firstDay();
            LocalDate to = quarter.lastDay().isAfter(contract.periodEnd()) ? contract.periodEnd() : quarter.lastDay();
            if (!covered.isBefore(from) && covered.isBefore(to)) {
                stretches.add(new LocalDate[] {from, covered});
                stretches.add(new LocalDate[] {covered.plusDays(1), to});
            } else {
                stretches.add(new LocalDate[] {from, to});
            }
        }
        return stretches;
    }

    /**
     * {@code pence} split in proportion to {@code weights} in whole pennies summing to {@code pence}:
     * each part rounded down, the pennies left handed one each to the largest remainders (ties: the
     * earlier part). All weights zero: nothing is handed out.
     */
    static long[] largestRemainder(long pence, List<BigDecimal> weights) {
        long[] parts = new long[weights.size()];
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() == 0) {
            return parts;
        }
        BigDecimal[] remainders = new BigDecimal[weights.size()];
        long handed = 0;
        for (int i = 0; i < parts.length; i++) {
            BigDecimal[] division = BigDecimal.valueOf(pence).multiply(weights.get(i)).divideAndRemainder(total);
            parts[i] = division[0].longValueExact();
            remainders[i] = division[1];
            handed += parts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> {
            int byRemainder = remainders[b].compareTo(remainders[a]);
            return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
        });
        for (int i = 0; handed < pence; i++, handed++) {
            parts[order.get(i % parts.length)]++;
        }
        return parts;
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
}
