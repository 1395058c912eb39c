package org.saferkent.commissioning.performance.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.saferkent.platform.workingdays.Quarter;

/**
 * The counts as {@link ContractPerformance} computed them before day buckets, straight from a
 * district's facts: kept as the reference the bucketed computation must equal. Changed since only
 * where the rules changed (issue 17): the value is the district's share ({@link
 * ContractPerformance#valuePence}); a victim case counts for a contract covering any of its pathways;
 * victims supported are those support was delivered to, with cases opened, declined and
 * unable-to-contact beside them.
 */
public final class ReferenceContractPerformance {

    private ReferenceContractPerformance() {
    }

    public static PerformanceCounts counts(ContractTerms contract, String district, Quarter quarter, DistrictFacts facts,
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
        long casesOpened = 0;
        long casesDeclined = 0;
        long casesUnableToContact = 0;
        long contactsDue = 0;
        long contactedInTime = 0;
        long deadlinesMissed = 0;
        long outcomes = 0;
        long coped = 0;
        long needsWithOutcome = 0;
        long needsMet = 0;
        for (VictimCaseFact victimCase : facts.victimCases()) {
            if (!district.equals(victimCase.district()) || victimCase.pathways().stream().noneMatch(pathways::contains)) {
                continue;
            }
            if (in(victimCase.openedOn(), from, to)) {
                casesOpened++;
            }
            if (in(victimCase.supportDeliveredOn(), from, to)) {
                victimsSupported++;
            }
            if (in(victimCase.declinedOn(), from, to)) {
                casesDeclined++;
            }
            if (in(victimCase.unableToContactOn(), from, to)) {
                casesUnableToContact++;
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

        long valueProRated = ContractPerformance.valuePence(contract, district, quarter);
        PerformanceCounts counts = new PerformanceCounts(routed.size(), accepted.size(), declined.size(), duplicates,
                victimsSupported, contactsDue, contactedInTime, deadlinesMissed, outcomes, coped, needsWithOutcome,
                needsMet, rjOpened, rjClosed, rjCompleted, satisfactionResponses, satisfied, recommendResponses,
                wouldRecommend, entrants, entrantsYearBefore, valueProRated, casesOpened, casesDeclined, casesUnableToContact);
        return counts;
    }

    private static boolean in(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
