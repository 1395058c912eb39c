package org.saferkent.commissioning.performance.domain;

/**
 * What a contract's services did in one district and quarter (within the contract's period).
 *
 * @param duplicatesLinked           duplicate referrals joined to a referral instead of counted again
 * @param victimsSupported           victims support was delivered to: contact made and needs assessed
 *                                   or a support plan agreed (counted on the day both were true)
 * @param firstContactsDue           first contacts that fell due and were made or missed
 * @param deadlinesMissed            Victims' Code time limits missed (first contact, RJ information)
 * @param outcomesRecorded           victim cases whose latest outcome was recorded in the quarter
 * @param needsWithOutcome           needs with an outcome in those
 * @param needsMet                   needs improved or sustained
 * @param rjSatisfactionResponses    victims who scored their satisfaction (1–5)
 * @param rjVictimsSatisfied         of them, scoring 4 or 5
 * @param firstTimeEntrantsYearBefore the same days a year before, for the reduction
 * @param valueProRatedPence         the district's share of the contract's value spread over its days, for the days covered
 * @param victimCasesOpened          victim cases opened (whether or not support followed)
 * @param victimCasesDeclined        victim cases closed because the victim declined support
 * @param victimCasesUnableToContact victim cases closed because the victim could not be contacted
 */
public record PerformanceCounts(long referralsRouted, long referralsAccepted, long referralsDeclined,
        long duplicatesLinked, long victimsSupported, long firstContactsDue, long contactedWithinDeadline,
        long deadlinesMissed, long outcomesRecorded, long copedAndRecovered, long needsWithOutcome, long needsMet,
        long rjCasesOpened, long rjCasesClosed, long rjCasesCompleted, long rjSatisfactionResponses,
        long rjVictimsSatisfied, long rjRecommendResponses, long rjWouldRecommend, long firstTimeEntrants,
        long firstTimeEntrantsYearBefore, long valueProRatedPence, long victimCasesOpened, long victimCasesDeclined,
        long victimCasesUnableToContact) {
}
