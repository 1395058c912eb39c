package org.saferkent.commissioning.performance.domain;

/**
 * Measures derived from the counts, rounded for reading (shares to 4 places, GBP to 2). Null when
 * there was nothing to divide by: an absent measure, never 0.
 */
public record PerformanceMeasures(Double contactedWithinDeadlineShare, Double copeAndRecoverShare,
        Double needsMetShare, Double referralsAcceptedShare, Double rjCompletionShare, Double rjSatisfactionShare,
        Double rjWouldRecommendShare, Double fteReduction, Double costPerVictimSupported) {
}
