package org.saferkent.commissioning.performance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What happened in one district on one day, in counters a contract's figures are summed from: a
 * contract × district × quarter cell is the sum of the days of its window (and, for first-time
 * entrants, of the same days a year before). This is where the rules of what counts on which day
 * live; {@link ContractPerformance} only picks the counters a contract's pathways and window take.
 *
 * <p>A referral counts once for a contract however many of its pathways the contract covers: it is
 * kept on each day one of its pathways was routed (accepted, declined) with the other pathways'
 * earlier days of the same step, so that a contract counts it on the first day of its window one of
 * its pathways reached that step, and on no later day.
 *
 * @param referrals         per step, the pathways reaching it on the day and the earlier days of the
 *                          referral's other pathways: how many referrals
 * @param duplicates        per set of pathways the joined referral was routed to: how many duplicates
 * @param victims           per set of pathways the victim cases serve (a case serving victim support
 *                          and domestic abuse counts once for a contract covering either or both)
 * @param restorativeJustice cases of the district (the restorative justice pathway's)
 * @param firstTimeEntrants disposals that count
 */
public record DayCounts(Map<ReferralKey, Long> referrals, Map<Set<String>, Long> duplicates, Map<Set<String>, VictimCounts> victims,
        RjCounts restorativeJustice, long firstTimeEntrants) {

    public DayCounts {
        referrals = Map.copyOf(referrals);
        duplicates = Map.copyOf(duplicates);
        victims = Map.copyOf(victims);
    }

    /** The steps a referral takes on a pathway. */
    public enum Step {
        ROUTED, ACCEPTED, DECLINED;

        LocalDate of(ReferralFact referral) {
            return switch (this) {
                case ROUTED -> referral.routedOn();
                case ACCEPTED -> referral.acceptedOn();
                case DECLINED -> referral.declinedOn();
            };
        }
    }

    /**
     * Referrals whose pathways {@code pathways} reached {@code step} on the day, their other pathways
     * having reached it on {@code earlier} days.
     */
    public record ReferralKey(Step step, Set<String> pathways, Map<String, LocalDate> earlier) {

        public ReferralKey {
            pathways = Set.copyOf(pathways);
            earlier = Map.copyOf(earlier);
        }

        /** Counted for a contract of {@code covered} pathways whose window starts {@code from}: on its first day in the window. */
        boolean countsFor(Set<String> covered, LocalDate from) {
            if (pathways.stream().noneMatch(covered::contains)) {
                return false;
            }
            for (Map.Entry<String, LocalDate> before : earlier.entrySet()) {
                if (covered.contains(before.getKey()) && !before.getValue().isBefore(from)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * @param supported       cases support was delivered to (contact made and needs assessed or a plan agreed)
     * @param opened          cases opened
     * @param declined        cases closed as the victim declined support
     * @param unableToContact cases closed as the victim could not be contacted
     */
    public record VictimCounts(long supported, long firstContactsDue, long contactedWithinDeadline, long deadlinesMissed,
            long outcomesRecorded, long copedAndRecovered, long needsWithOutcome, long needsMet, long opened, long declined,
            long unableToContact) {

        static final VictimCounts NONE = new VictimCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public VictimCounts plus(VictimCounts other) {
            return new VictimCounts(supported + other.supported, firstContactsDue + other.firstContactsDue,
                    contactedWithinDeadline + other.contactedWithinDeadline, deadlinesMissed + other.deadlinesMissed,
                    outcomesRecorded + other.outcomesRecorded, copedAndRecovered + other.copedAndRecovered,
                    needsWithOutcome + other.needsWithOutcome, needsMet + other.needsMet, opened + other.opened,
                    declined + other.declined, unableToContact + other.unableToContact);
        }
    }

    public record RjCounts(long opened, long closed, long completed, long satisfactionResponses, long satisfied,
            long recommendResponses, long wouldRecommend) {

        public static final RjCounts NONE = new RjCounts(0, 0, 0, 0, 0, 0, 0);

        RjCounts plus(RjCounts other) {
            return new RjCounts(opened + other.opened, closed + other.closed, completed + other.completed,
                    satisfactionResponses + other.satisfactionResponses, satisfied + other.satisfied,
                    recommendResponses + other.recommendResponses, wouldRecommend + other.wouldRecommend);
        }
    }

    public static final DayCounts NONE = new DayCounts(Map.of(), Map.of(), Map.of(), RjCounts.NONE, 0);

    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * The counters of every day something of {@code district} happened on, from its facts (a superset
     * will do, as long as every fact with something on a day wanted is in it, with the referral's
     * other pathways and what its duplicates need).
     */
    public static Map<LocalDate, DayCounts> byDay(DistrictFacts facts, String district) {
        Map<LocalDate, Builder> days = new TreeMap<>();

        Map<String, List<ReferralFact>> byReferral = new HashMap<>();
        for (ReferralFact referral : facts.referrals()) {
            if (district.equals(referral.district()) && referral.pathway() != null
                    && !facts.linkedReferralIds().contains(referral.referralId())) {
                byReferral.computeIfAbsent(referral.referralId(), id -> new ArrayList<>()).add(referral);
            }
        }
        for (List<ReferralFact> pathways : byReferral.values()) {
            for (Step step : Step.values()) {
                Map<LocalDate, Set<String>> reached = new TreeMap<>();
                Map<String, LocalDate> dayOf = new HashMap<>();
                for (ReferralFact referral : pathways) {
                    LocalDate day = step.of(referral);
                    if (day != null) {
                        reached.computeIfAbsent(day, d -> new TreeSet<>()).add(referral.pathway());
                        dayOf.put(referral.pathway(), day);
                    }
                }
                reached.forEach((day, onTheDay) -> {
                    Map<String, LocalDate> earlier = new TreeMap<>();
                    dayOf.forEach((pathway, other) -> {
                        if (other.isBefore(day)) {
                            earlier.put(pathway, other);
                        }
                    });
                    day(days, day).referrals.merge(new ReferralKey(step, onTheDay, earlier), 1L, Long::sum);
                });
            }
        }

        for (LinkFact link : facts.links()) {
            Set<String> joined = facts.routedPathways().getOrDefault(link.linkedTo(), Set.of());
            if (district.equals(link.district()) && link.linkedOn() != null && !joined.isEmpty()) {
                day(days, link.linkedOn()).duplicates.merge(Set.copyOf(joined), 1L, Long::sum);
            }
        }

        for (VictimCaseFact victimCase : facts.victimCases()) {
            if (!district.equals(victimCase.district()) || victimCase.pathways().isEmpty()) {
                continue;
            }
            Set<String> pathways = victimCase.pathways();
            if (victimCase.openedOn() != null) {
                day(days, victimCase.openedOn()).victim(pathways, new VictimCounts(0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0));
            }
            if (victimCase.supportDeliveredOn() != null) {
                day(days, victimCase.supportDeliveredOn()).victim(pathways, new VictimCounts(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
            }
            if (victimCase.declinedOn() != null) {
                day(days, victimCase.declinedOn()).victim(pathways, new VictimCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0));
            }
            if (victimCase.unableToContactOn() != null) {
                day(days, victimCase.unableToContactOn()).victim(pathways, new VictimCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
            }
            if (victimCase.firstContactDecided() && victimCase.firstContactCountsOn() != null) {
                day(days, victimCase.firstContactCountsOn()).victim(pathways,
                        new VictimCounts(0, 1, victimCase.contactedWithinDeadline() ? 1 : 0, 0, 0, 0, 0, 0, 0, 0, 0));
            }
            for (LocalDate due : victimCase.missedDueOn()) {
                day(days, due).victim(pathways, new VictimCounts(0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0));
            }
            VictimOutcomeFact outcome = victimCase.outcome();
            if (outcome != null && outcome.recordedOn() != null) {
                day(days, outcome.recordedOn()).victim(pathways, new VictimCounts(0, 0, 0, 0, 1, outcome.copeAndRecover() ? 1 : 0,
                        outcome.needsAssessed(), outcome.needsMet(), 0, 0, 0));
            }
        }

        for (RjCaseFact rjCase : facts.rjCases()) {
            if (!district.equals(rjCase.district())) {
                continue;
            }
            if (rjCase.openedOn() != null) {
                day(days, rjCase.openedOn()).rj(new RjCounts(1, 0, 0, 0, 0, 0, 0));
            }
            if (rjCase.closedOn() != null) {
                day(days, rjCase.closedOn()).rj(new RjCounts(0, 1, rjCase.completed() ? 1 : 0, 0, 0, 0, 0));
            }
            RjOutcomeFact outcome = rjCase.outcome();
            if (outcome != null && outcome.recordedOn() != null) {
                Integer score = outcome.victimSatisfaction();
                Boolean recommends = outcome.wouldRecommend();
                day(days, outcome.recordedOn()).rj(new RjCounts(0, 0, 0, score != null ? 1 : 0,
                        score != null && score >= RjOutcomeFact.SATISFIED_FROM ? 1 : 0, recommends != null ? 1 : 0,
                        Boolean.TRUE.equals(recommends) ? 1 : 0));
            }
        }

        for (FteFact entrant : facts.firstTimeEntrants()) {
            if (district.equals(entrant.district()) && entrant.counts()) {
                day(days, entrant.disposalOn()).firstTimeEntrants++;
            }
        }

        Map<LocalDate, DayCounts> counts = new TreeMap<>();
        days.forEach((day, builder) -> counts.put(day, builder.build()));
        return counts;
    }

    /** The counters of several parts of a day (its facts counted apart, {@link #byDay} of each): the day's. */
    public static DayCounts sum(Collection<DayCounts> parts) {
        Builder sum = new Builder();
        for (DayCounts part : parts) {
            part.referrals.forEach((key, n) -> sum.referrals.merge(key, n, Long::sum));
            part.duplicates.forEach((pathways, n) -> sum.duplicates.merge(pathways, n, Long::sum));
            part.victims.forEach(sum::victim);
            sum.rj(part.restorativeJustice);
            sum.firstTimeEntrants += part.firstTimeEntrants;
        }
        return sum.build();
    }

    private static Builder day(Map<LocalDate, Builder> days, LocalDate day) {
        return days.computeIfAbsent(day, d -> new Builder());
    }

    private static final class Builder {
        private final Map<ReferralKey, Long> referrals = new HashMap<>();
        private final Map<Set<String>, Long> duplicates = new HashMap<>();
        private final Map<Set<String>, VictimCounts> victims = new HashMap<>();
        private RjCounts rj = RjCounts.NONE;
        private long firstTimeEntrants;

        void victim(Set<String> pathways, VictimCounts counts) {
            victims.merge(Set.copyOf(pathways), counts, VictimCounts::plus);
        }

        void rj(RjCounts counts) {
            rj = rj.plus(counts);
        }

        DayCounts build() {
            return new DayCounts(referrals, duplicates, victims, rj, firstTimeEntrants);
        }
    }
}
