package org.saferkent.rj.youthjustice.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One disposal of one person's offence. Holds ages only: a date of birth posted with it is used to
 * work the ages out and then dropped.
 *
 * @param ageBasis {@code date-of-birth} (exact ages) or {@code age-at-offence} (the age at disposal is
 *                 the youngest the person can be: their age at the offence plus the whole years since)
 */
public record Disposal(String id, String agency, String offenceCategory, LocalDate offenceDate, DisposalType type,
        LocalDate disposalDate, String district, int ageAtOffence, int ageAtDisposal, String ageBasis, Instant recordedAt) {

    public static final String FROM_DATE_OF_BIRTH = "date-of-birth";
    public static final String FROM_AGE_AT_OFFENCE = "age-at-offence";
}
