package org.saferkent.rj.youthjustice.adapter.in.web;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.rj.vocabulary.Codes;
import org.saferkent.rj.vocabulary.District;
import org.saferkent.rj.vocabulary.PncIds;
import org.saferkent.rj.vocabulary.Pseudonyms;
import org.saferkent.rj.web.KentDistricts;
import org.saferkent.rj.web.OffenceCategory;
import org.saferkent.rj.youthjustice.application.Disposals.NewDisposal;
import org.saferkent.rj.youthjustice.domain.DisposalType;

/**
 * A disposal as Kent Police or the Youth Offending Service posts it: the person by their details ({@code person}:
 * name, date of birth, postcode, optional PNC ID), keyed here into the partnership's pseudonym and dropped, the
 * date of birth giving exact ages; or, as before, by a pseudonym the agency keyed itself, with their date of birth
 * (used for the ages, then dropped) or their age at the offence.
 */
record DisposalRequest(
        String personPseudonym,
        LocalDate dateOfBirth,
        Integer ageAtOffence,
        @NotBlank(message = "is required") @OffenceCategory String offenceCategory,
        @NotNull(message = "is required") @PastOrPresent(message = "is in the future") LocalDate offenceDate,
        @NotBlank(message = "is required") @OneOf(value = DisposalType.class, blank = Blank.ALLOWED) String disposalType,
        @NotNull(message = "is required") @PastOrPresent(message = "is in the future") LocalDate disposalDate,
        @NotBlank(message = "is required") @OneOf(value = KentDistricts.class, blank = Blank.ALLOWED) String district,
        String agency,
        PersonDetails person) {

    static final Set<String> AGENCIES = Set.of("kent-police", "kcc-youth-offending-service");
    /** The age of criminal responsibility in England and Wales. */
    static final int CRIMINAL_RESPONSIBILITY = 10;
    static final int MAX_NAME = 200;

    /**
     * Checks every field against today's date and reports everything that is wrong at once. The disposal is
     * {@code callerAgency}'s, the agency the token speaks for: the body may leave {@code agency} out, and may not
     * name another (refused, not silently replaced, as referrals do).
     */
    NewDisposal validate(Validator validator, LocalDate today, String callerAgency, Pseudonymiser pseudonymiser) {
        RequestProblems checks = RequestProblems.of(validator, this);
        if (agency != null && !agency.equals(callerAgency)) {
            checks.add("agency", "must be the agency you are authenticated as, or left out");
        }
        // the person by their pseudonym, or by their details: which is required depends on the other
        if (person == null) {
            if (personPseudonym == null || personPseudonym.isBlank()) {
                checks.add("personPseudonym", "is required");
            } else if (!Pseudonyms.isKeyed(personPseudonym)) {
                checks.add("personPseudonym", "must be the partnership's keyed pseudonym (64 lowercase hex characters), never a name");
            }
        } else {
            person(checks);
        }
        boolean offenceDated = checks.isValid("offenceDate");
        if (offenceDated && checks.isValid("disposalDate") && disposalDate.isBefore(offenceDate)) {
            checks.add("disposalDate", "is before the offence date");
        }
        if (person == null) {
            ages(checks, today, offenceDated, dateOfBirth, "dateOfBirth");
        } else if (person.dateOfBirth() != null) {
            ages(checks, today, offenceDated, person.dateOfBirth(), "person.dateOfBirth");
        }
        checks.throwIfAny();
        DisposalType type = Codes.parse(DisposalType.class, disposalType).orElseThrow();
        District validDistrict = District.fromCode(district).orElseThrow();
        if (person == null) {
            return new NewDisposal(personPseudonym, List.of(), dateOfBirth, ageAtOffence, offenceCategory, offenceDate, type,
                    disposalDate, validDistrict.code(), callerAgency, List.of(), List.of());
        }
        String postcode = person.postcode() == null || person.postcode().isBlank() ? null : person.postcode();
        return new NewDisposal(pseudonymiser.pseudonym(person.name(), person.dateOfBirth(), postcode),
                pseudonymiser.previousPseudonyms(person.name(), person.dateOfBirth(), postcode), person.dateOfBirth(), null,
                offenceCategory, offenceDate, type, disposalDate, validDistrict.code(), callerAgency,
                pseudonymiser.personKeys(person.name(), person.dateOfBirth()), pncKeys(pseudonymiser));
    }

    /**
     * The keyed PNC ID, current secret first: of the ID with a four-digit year ({@link PncIds#canonical}), so that
     * {@code 19/12345A} and {@code 2019/0012345A} are one ID; then, to find a history keyed from a two-digit year as
     * posted before years were made four digits, that form's keys. Empty when none was posted.
     */
    private List<String> pncKeys(Pseudonymiser pseudonymiser) {
        if (person.pncId() == null || person.pncId().isBlank()) {
            return List.of();
        }
        String canonical = PncIds.canonical(person.pncId(), person.dateOfBirth()).orElseThrow();
        Set<String> keys = new LinkedHashSet<>(pseudonymiser.pncKeys(canonical));
        keys.addAll(pseudonymiser.pncKeys(person.pncId()));
        return List.copyOf(keys);
    }

    /** The person's details in place of a pseudonym: each checked by its form, no value ever repeated back. */
    private void person(RequestProblems checks) {
        if (personPseudonym != null) {
            checks.add("personPseudonym", "give the person's details or their pseudonym, not both");
        }
        if (dateOfBirth != null) {
            checks.add("dateOfBirth", "is the person's: give it as person.dateOfBirth");
        }
        if (ageAtOffence != null && person.dateOfBirth() == null) {
            checks.add("ageAtOffence", "the person's date of birth gives the ages: leave it out");
        }
        if (person.name() == null || Pseudonymiser.normaliseName(person.name()).isEmpty()) {
            checks.add("person.name", "is required");
        } else if (person.name().length() > MAX_NAME) {
            checks.add("person.name", "must be at most " + MAX_NAME + " characters");
        }
        if (person.dateOfBirth() == null) {
            checks.add("person.dateOfBirth", "is required");
        }
        if (person.postcode() != null && !person.postcode().isBlank()
                && !PersonDetails.POSTCODE.matcher(Pseudonymiser.normalisePostcode(person.postcode())).matches()) {
            checks.add("person.postcode", "is not a UK postcode (e.g. ME14 1XX), or leave it out");
        }
        if (person.pncId() != null && !PncIds.isValid(person.pncId())) {
            checks.add("person.pncId", "is not a PNC ID (year/serial number and its check letter, e.g. 2019/0012345G or "
                    + "19/12345G), or leave it out");
        }
    }

    private void ages(RequestProblems checks, LocalDate today, boolean offenceDated, LocalDate dateOfBirth, String birthField) {
        if (dateOfBirth != null && ageAtOffence != null) {
            checks.add("ageAtOffence", "give the date of birth or the age at the offence, not both");
        } else if (dateOfBirth != null) {
            if (dateOfBirth.isAfter(today)) {
                checks.add(birthField, "is in the future");
            } else if (offenceDated && (dateOfBirth.isAfter(offenceDate)
                    || Period.between(dateOfBirth, offenceDate).getYears() < CRIMINAL_RESPONSIBILITY)) {
                checks.add(birthField, "makes the person under 10 at the offence, the age of criminal responsibility");
            } else if (dateOfBirth.isBefore(today.minusYears(120))) {
                checks.add(birthField, "is more than 120 years ago");
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
