package org.saferkent.rj.rjcase.domain;

import java.util.List;

/** The case after a decision, and the facts it produced; the caller stores both in one write. */
public record Change(RjCase rjCase, List<Object> events, boolean changed) {

    public Change {
        events = List.copyOf(events);
    }

    static Change to(RjCase rjCase, List<Object> events) {
        return new Change(rjCase, events, true);
    }

    static Change none(RjCase rjCase) {
        return new Change(rjCase, List.of(), false);
    }
}
