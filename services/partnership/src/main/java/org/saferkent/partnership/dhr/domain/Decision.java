package org.saferkent.partnership.dhr.domain;

import java.time.LocalDate;

/**
 * Whether the partnership holds a review.
 *
 * @param holdReview whether a review is held
 * @param decidedOn  the date of the decision
 * @param reason     a short code for why not (e.g. {@code criteria-not-met}), null when a review is held
 */
public record Decision(boolean holdReview, LocalDate decidedOn, String reason) {
}
