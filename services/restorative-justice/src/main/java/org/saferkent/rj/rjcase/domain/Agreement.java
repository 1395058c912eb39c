package org.saferkent.rj.rjcase.domain;

import java.util.Set;

/**
 * What the parties agreed.
 *
 * @param reparationType  one of {@link #REPARATION_TYPES}
 * @param reparationHours hours of reparation work, where the reparation is work
 * @param otherTerms      further terms as written; kept in the case, never published
 */
public record Agreement(boolean apology, String reparationType, Integer reparationHours, String otherTerms) {

    public static final Set<String> REPARATION_TYPES = Set.of("none", "direct", "community", "financial", "other");
    /** Reparation types that are work, and so are counted in hours. */
    public static final Set<String> WORK = Set.of("direct", "community");
}
