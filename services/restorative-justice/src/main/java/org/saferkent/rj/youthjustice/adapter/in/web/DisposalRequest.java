package org.saferkent.rj.youthjustice.adapter.in.web;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

import org.saferkent.rj.vocabulary.District;
import org.saferkent.rj.web.FieldChecks;
import org.saferkent.rj.youthjustice.application.Disposals.NewDisposal;
import org.saferkent.rj.youthjustice.domain.DisposalType;

/**
 * A disposal as Kent Police or the Youth Offending Service posts it: the person by pseudonym, with
 * their date of birth (used for the ages, then dropped) or their age at the offence.
 */
record DisposalRequest(String personPseudonym, LocalDate dateOfBirth, Integer ageAtOffence, String offenceCategory,
        LocalDate offenceDate, String disposalType, LocalDate disposalDate, String district, String agency) {

    static final Set<String> AGENCIES = Set.of("kent-police", "kcc-youth-offending-service");
    /** The age of criminal responsibility in England and Wales. */
    static final int CRIMINAL_RESPONSIBILITY = 10;

    /**
     * Checks every field against today's date and reports everything that is wrong at once. The disposal is
     * {@code callerAgency}'s, the agency the token speaks for: the body may leave {@code agency} out, and may not
     * name another (refused, not silently replaced, as referrals do).
     */
    NewDisposal validate(LocalDate today, String callerAgency) {
        FieldChecks checks = new FieldChecks();
        if (agency != null && !agency.equals(callerAgency)) {
            checks.add("agency", "must be the agency you are authenticated as, or left out");
        }
        checks.pseudonym("personPseudonym", personPseudonym);
        boolean offenceDated = checks.pastDate("offenceDate", offenceDate, today);
        if (checks.pastDate("disposalDate", disposalDate, today) && offenceDated && disposalDate.isBefore(offenceDate)) {
            checks.add("disposalDate", "is before the offence date");
        }
        ages(checks, today, offenceDated);
        checks.category("offenceCategory", offenceCategory);
        DisposalType type = checks.code("disposalType", disposalType, DisposalType.class);
        District validDistrict = checks.district("district", district);
        checks.throwIfAny();
        return new NewDisposal(personPseudonym, dateOfBirth, ageAtOffence, offenceCategory, offenceDate, type, disposalDate,
                validDistrict.code(), callerAgency);
    }

    private void ages(FieldChecks checks, LocalDate today, boolean offenceDated) {
        if (dateOfBirth != null && ageAtOffence != null) {
            checks.add("ageAtOffence", "give the date of birth or the age at the offence, not both");
        } else if (dateOfBirth != null) {
            if (dateOfBirth.isAfter(today)) {
                checks.add("dateOfBirth", "is in the future");
            } else if (offenceDated && (dateOfBirth.isAfter(offenceDate)
                    || Period.between(dateOfBirth, offenceDate).getYears() < CRIMINAL_RESPONSIBILITY)) {
                checks.add("dateOfBirth", "makes the person under 10 at the offence, the age of criminal responsibility");
            } else if (dateOfBirth.isBefore(today.minusYears(120))) {
                checks.add("dateOfBirth", "is more than 120 years ago");
            }
        } else if (ageAtOffence == null) {
            checks.add("ageAtOffence", "is required, or the date of birth");
        } else {
            checks.range("ageAtOffence", ageAtOffence, CRIMINAL_RESPONSIBILITY, 120, ": 10 is the age of criminal responsibility");
        }
    }

    @Override
    public String toString() {
        return "DisposalRequest[" + agency + ", " + district + ", " + disposalType + "]"; // never the date of birth
    }
}
