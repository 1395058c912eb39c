package org.saferkent.victims.victimcase.domain;

import java.util.List;

/** The case after a decision, and the facts it produced; the caller stores both in one write. */
public record Change(VictimCase victimCase, List<Object> events, boolean changed) {

    public Change {
        events = List.copyOf(events);
    }

    static Change to(VictimCase victimCase, List<Object> events) {
        return new Change(victimCase, events, true);
    }

    static Change none(VictimCase victimCase) {
        return new Change(victimCase, List.of(), false);
    }
}
