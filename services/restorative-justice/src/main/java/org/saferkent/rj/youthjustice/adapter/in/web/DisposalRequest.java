package org.saferkent.rj.youthjustice.adapter.in.web;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.saferkent.platform.service.RequestProblems;
import org.saferkent.rj.vocabulary.Codes;
import org.saferkent.rj.vocabulary.District;
import org.saferkent.rj.web.Code;
import org.saferkent.rj.web.KentDistrict;
import org.saferkent.rj.web.OffenceCategory;
import org.saferkent.rj.web.Pseudonym;
import org.saferkent.rj.youthjustice.application.Disposals.NewDisposal;
import org.saferkent.rj.youthjustice.domain.DisposalType;

/**
 * A disposal as Kent Police or the Youth Offending Service posts it: the person by pseudonym, with
 * their date of birth (used for the ages, then dropped) or their age at the offence.
 */
record DisposalRequest(
        @NotBlank(message = "is required") @Pseudonym String personPseudonym,
        LocalDate dateOfBirth,
        Integer ageAtOffence,
        @NotBlank(message = "is required") @OffenceCategory String offenceCategory,
        @NotNull(message = "is required") @PastOrPresent(message = "is in the future") LocalDate offenceDate,
        @NotBlank(message = "is required") @Code(DisposalType.class) String disposalType,
        @NotNull(message = "is required") @PastOrPresent(message = "is in the future") LocalDate disposalDate,
        @NotBlank(message = "is required") @KentDistrict String district,
        String agency) {

    static final Set<String> AGENCIES = Set.of("kent-police", "kcc-youth-offending-service");
    /** The age of criminal responsibility in England and Wales. */
    static final int CRIMINAL_RESPONSIBILITY = 10;

    /**
     * Checks every field against today's date and reports everything that is wrong at once. The disposal is
     * {@code callerAgency}'s, the agency the token speaks for: the body may leave {@code agency} out, and may not
     * name another (refused, not silently replaced, as referrals do).
     */
    NewDisposal validate(Validator validator, LocalDate today, String callerAgency) {
        RequestProblems checks = RequestProblems.of(validator, this);
        if (agency != null && !agency.equals(callerAgency)) {
            checks.add("agency", "must be the agency you are authenticated as, or left out");
        }
        boolean offenceDated = checks.isValid("offenceDate");
        if (offenceDated && checks.isValid("disposalDate") && disposalDate.isBefore(offenceDate)) {
            checks.add("disposalDate", "is before the offence date");
        }
        ages(checks, today, offenceDated);
        checks.throwIfAny();
        return new NewDisposal(personPseudonym, dateOfBirth, ageAtOffence, offenceCategory, offenceDate,
                Codes.parse(DisposalType.class, disposalType).orElseThrow(), disposalDate,
                District.fromCode(district).orElseThrow().code(), callerAgency);
    }

    /** Either the date of birth or the age at the offence, each judged against the other dates: rules across fields. */
    private void ages(RequestProblems checks, LocalDate today, boolean offenceDated) {
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
        } else if (ageAtOffence < CRIMINAL_RESPONSIBILITY || ageAtOffence > 120) {
            checks.add("ageAtOffence", "must be 10 to 120: 10 is the age of criminal responsibility");
        }
    }

    @Override
    public String toString() {
        return "DisposalRequest[" + agency + ", " + district + ", " + disposalType + "]"; // never the date of birth
    }
}
