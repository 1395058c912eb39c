package org.saferkent.rj.youthjustice.domain;

import java.time.LocalDate;

/** One person in a quarter's reoffending cohort: their index disposal and their proven re-offences. */
public record CohortMember(String pseudonym, String district, int ageAtIndex, LocalDate indexDate, int reoffences) {

    public boolean reoffended() {
        return reoffences > 0;
    }
}
