package org.saferkent.commissioning.activity.application;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The fact changes of one batch of events, staged in memory by a projection of their own, to be written
 * together ({@link LiveFacts#applyAll}): nothing is written while they are staged.
 */
public final class StagedFacts implements FactSink {

    /** One event's change to one fact. */
    public record Staged(String eventId, FactChange change) {
    }

    private final List<Staged> changes = new ArrayList<>();
    private final ActivityProjection projection;

    public StagedFacts(String rjPathway) {
        this.projection = new ActivityProjection(this, rjPathway);
    }

    /** The projection whose changes are staged here. */
    public ActivityProjection projection() {
        return projection;
    }

    @Override
    public void apply(String eventId, FactChange change) {
        changes.add(new Staged(eventId, change));
    }

    public List<Staged> changes() {
        return Collections.unmodifiableList(changes);
    }
}
