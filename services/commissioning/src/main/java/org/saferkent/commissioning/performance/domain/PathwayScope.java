package org.saferkent.commissioning.performance.domain;

import java.util.Set;

/**
 * Which pathways the measures that carry no pathway of their own belong to.
 *
 * @param restorativeJustice the pathway of restorative justice cases
 * @param firstTimeEntrants  pathways whose contracts answer for first-time entrants (youth crime)
 */
public record PathwayScope(String restorativeJustice, Set<String> firstTimeEntrants) {

    public PathwayScope {
        firstTimeEntrants = Set.copyOf(firstTimeEntrants);
    }
}
