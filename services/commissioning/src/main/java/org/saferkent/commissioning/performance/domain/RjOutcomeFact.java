package org.saferkent.commissioning.performance.domain;

import java.time.LocalDate;

/** The latest outcome recorded on a restorative justice case, with the victim's view if given. */
public record RjOutcomeFact(LocalDate recordedOn, Integer victimSatisfaction, Boolean wouldRecommend) {

    /** Satisfied: 4 or 5 on the five-point scale. */
    public static final int SATISFIED_FROM = 4;
}
