package org.saferkent.partnership.asbreview.domain;

import java.util.List;

/** The application after a decision, and the facts it produced; stored together in one write. */
public record AsbChange(AsbCaseReview review, List<Object> events) {

    public AsbChange {
        events = List.copyOf(events);
    }
}
