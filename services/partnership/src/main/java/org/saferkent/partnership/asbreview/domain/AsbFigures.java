package org.saferkent.partnership.asbreview.domain;

/**
 * What the Act requires the relevant bodies to publish for their area, per year (Anti-social Behaviour, Crime and
 * Policing Act 2014, Schedule 4 para 7(2)(e)): aggregates only.
 *
 * @param applicationsReceived           applications received in the year
 * @param applicationsMeetingThreshold   of those, how many met the threshold
 * @param reviewsCarriedOut              reviews carried out (of the year's applications)
 * @param reviewsWithRecommendations     reviews that resulted in recommendations
 */
public record AsbFigures(String district, int year, long applicationsReceived, long applicationsMeetingThreshold,
        long reviewsCarriedOut, long reviewsWithRecommendations) {
}
