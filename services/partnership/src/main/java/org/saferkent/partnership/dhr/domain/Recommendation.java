package org.saferkent.partnership.dhr.domain;

import java.time.LocalDate;

/**
 * One of the review's recommendations, tracked as an action until its owner has done it.
 *
 * @param summary what is to be done (kept in the store, never published)
 */
public record Recommendation(String id, String summary, String ownerAgency, LocalDate dueOn, RecommendationStatus status,
        LocalDate doneOn) {

    boolean done() {
        return status == RecommendationStatus.DONE;
    }
}
