package org.saferkent.commissioning.performance.domain;

import java.time.LocalDate;

/** The latest outcome recorded on a victim case: needs with an outcome, those improved or sustained. */
public record VictimOutcomeFact(LocalDate recordedOn, long needsAssessed, long needsMet, boolean copeAndRecover) {
}
