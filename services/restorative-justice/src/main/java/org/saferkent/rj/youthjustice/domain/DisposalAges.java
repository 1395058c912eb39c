package org.saferkent.rj.youthjustice.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * A person's ages at the offence and at the disposal: exact from a date of birth (which is then
 * dropped), or from the age at the offence, when the age at disposal is the youngest the person can
 * be (their age at the offence plus the whole years since).
 */
public record DisposalAges(int atOffence, int atDisposal, String basis) {

    /** Completed years: someone born on 29 February turns a year older on 1 March in a common year. */
    public static DisposalAges fromDateOfBirth(LocalDate dateOfBirth, LocalDate offenceDate, LocalDate disposalDate) {
        return new DisposalAges(Period.between(dateOfBirth, offenceDate).getYears(),
                Period.between(dateOfBirth, disposalDate).getYears(), Disposal.FROM_DATE_OF_BIRTH);
    }

    public static DisposalAges fromAgeAtOffence(int ageAtOffence, LocalDate offenceDate, LocalDate disposalDate) {
        return new DisposalAges(ageAtOffence, ageAtOffence + Period.between(offenceDate, disposalDate).getYears(),
                Disposal.FROM_AGE_AT_OFFENCE);
    }
}
