package org.saferkent.partnership.asbreview.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.saferkent.partnership.vocabulary.District;

/**
 * An ASB case review application (the community trigger, Anti-social Behaviour, Crime and Policing Act 2014 s.104
 * and Schedule 4): the threshold test when it is received, the decision, the review and its recommendations. Holds
 * no personal detail: the applicant is not recorded here; recommendations are about what agencies will do.
 *
 * @param year            the calendar year of receipt: what the published figures count by
 * @param complaints      complaints about the same problem in the six months before the application
 * @param threshold       the district's threshold when it was received
 * @param recommendations the review's recommendations (kept here, published as a count only)
 * @param recommendationCount how many there are (what the figures count)
 */
public record AsbCaseReview(
        String id,
        String district,
        LocalDate receivedOn,
        int year,
        int complaints,
        int threshold,
        boolean meetsThreshold,
        AsbReviewStatus status,
        LocalDate decidedOn,
        LocalDate completedOn,
        List<String> recommendations,
        int recommendationCount,
        Instant recordedAt) {

    public AsbCaseReview {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        recommendationCount = recommendations.size();
    }

    /** An application, tested against the district's threshold as it stands. */
    public static AsbChange apply(String id, District district, LocalDate receivedOn, int complaints, AsbThresholds thresholds,
            LocalDate today, Instant now) {
        if (receivedOn.isAfter(today)) {
            throw new AsbRuleViolation("date-in-future", "receivedOn", "must not be in the future", true);
        }
        if (complaints < 0) {
            throw new AsbRuleViolation("complaints-negative", "complaints", "must be zero or more", true);
        }
        int threshold = thresholds.thresholdFor(district);
        boolean meets = thresholds.met(district, complaints);
        AsbCaseReview review = new AsbCaseReview(id, district.code(), receivedOn, receivedOn.getYear(), complaints, threshold, meets,
                AsbReviewStatus.RECEIVED, null, null, List.of(), 0, now);
        return new AsbChange(review, List.of(new AsbCaseReviewApplied(id, district.code(), receivedOn, complaints, threshold, meets, now)));
    }

    /** Whether a review is carried out. When the threshold is met it must be: a refusal names {@code reviewToBeHeld}. */
    public AsbChange decide(boolean reviewToBeHeld, LocalDate decidedOn, LocalDate today, Instant now) {
        if (status != AsbReviewStatus.RECEIVED) {
            throw new AsbRuleViolation("decision-recorded", "reviewToBeHeld", "the decision was recorded already", false);
        }
        if (meetsThreshold && !reviewToBeHeld) {
            throw new AsbRuleViolation("threshold-met", "reviewToBeHeld",
                    "the application meets the threshold: a case review must be carried out", true);
        }
        dated("decidedOn", decidedOn, receivedOn, today);
        AsbCaseReview next = new AsbCaseReview(id, district, receivedOn, year, complaints, threshold, meetsThreshold,
                reviewToBeHeld ? AsbReviewStatus.UNDER_REVIEW : AsbReviewStatus.NOT_HELD, decidedOn, completedOn, recommendations,
                recommendationCount, recordedAt);
        return new AsbChange(next, List.of(new AsbCaseReviewDecided(id, district, reviewToBeHeld, meetsThreshold, decidedOn, now)));
    }

    /** The review carried out, with its recommendations (possibly none). */
    public AsbChange complete(LocalDate completedOn, List<String> made, LocalDate today, Instant now) {
        if (status != AsbReviewStatus.UNDER_REVIEW) {
            throw new AsbRuleViolation("no-review-under-way", "completedOn", "only a review under way can be completed", false);
        }
        dated("completedOn", completedOn, decidedOn, today);
        AsbCaseReview next = new AsbCaseReview(id, district, receivedOn, year, complaints, threshold, meetsThreshold,
                AsbReviewStatus.COMPLETED, decidedOn, completedOn, made, made.size(), recordedAt);
        return new AsbChange(next, List.of(new AsbCaseReviewCompleted(id, district, completedOn, made.size(), now)));
    }

    public boolean reviewCarriedOut() {
        return status == AsbReviewStatus.COMPLETED;
    }

    private static void dated(String field, LocalDate date, LocalDate earliest, LocalDate today) {
        if (date.isAfter(today)) {
            throw new AsbRuleViolation("date-in-future", field, "must not be in the future", true);
        }
        if (date.isBefore(earliest)) {
            throw new AsbRuleViolation("date-out-of-order", field, "must not be before the previous step", true);
        }
    }
}
