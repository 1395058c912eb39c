package org.saferkent.commissioning.performance.domain;

/**
 * {@link PerformanceCounts} as the PCC's office may see them: a count is null when it is suppressed (the
 * published snapshot's {@code suppressed} says why). {@code valueProRatedPence} is money, not people, and is
 * never suppressed.
 */
public record PublishedCounts(Long referralsRouted, Long referralsAccepted, Long referralsDeclined,
        Long duplicatesLinked, Long victimsSupported, Long firstContactsDue, Long contactedWithinDeadline,
        Long deadlinesMissed, Long outcomesRecorded, Long copedAndRecovered, Long needsWithOutcome, Long needsMet,
        Long rjCasesOpened, Long rjCasesClosed, Long rjCasesCompleted, Long rjSatisfactionResponses,
        Long rjVictimsSatisfied, Long rjRecommendResponses, Long rjWouldRecommend, Long firstTimeEntrants,
        Long firstTimeEntrantsYearBefore, Long valueProRatedPence, Long victimCasesOpened, Long victimCasesDeclined,
        Long victimCasesUnableToContact) {
}
