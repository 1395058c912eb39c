package org.saferkent.partnership.dhr.domain;

import java.util.List;

/** The review after a decision, and the facts it produced; the caller stores both in one write. */
public record Change(DomesticHomicideReview review, List<Object> events, boolean changed) {

    public Change {
        events = List.copyOf(events);
    }

    static Change to(DomesticHomicideReview review, List<Object> events) {
        return new Change(review, events, true);
    }

    static Change none(DomesticHomicideReview review) {
        return new Change(review, List.of(), false);
    }
}
