package org.saferkent.rj.rjcase.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.rj.rjcase.application.RjCases.YosReferral;
import org.saferkent.rj.vocabulary.District;
import org.saferkent.rj.web.KentDistricts;
import org.saferkent.rj.web.OffenceCategory;
import org.saferkent.rj.web.OffenceFlag;
import org.saferkent.rj.web.Pseudonym;

/** A young offender referred for restorative justice by the Youth Offending Service. */
record YosReferralRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = "^" + YOS + "$", message = "must be " + YOS + ": only the Youth Offending Service refers young offenders here")
        String agency,
        @NotBlank(message = "is required") @Pseudonym String offenderPseudonym,
        @NotNull(message = "is required")
        @Min(value = 10, message = YOUTH) @Max(value = 17, message = YOUTH) Integer ageAtOffence,
        @NotBlank(message = "is required") @OffenceCategory String offenceCategory,
        @NotNull(message = "is required") @PastOrPresent(message = "is in the future") LocalDate offenceDate,
        @NotBlank(message = "is required") @OneOf(value = KentDistricts.class, blank = Blank.ALLOWED) String district,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters") String yosReference,
        List<@OffenceFlag String> flags) {

    static final String YOS = "kcc-youth-offending-service";
    private static final String YOUTH = "must be 10 to 17: the Youth Offending Service works with 10 to 17 year olds";

    /** Checks every field and reports everything that is wrong at once. */
    YosReferral validate(Validator validator) {
        RequestProblems.of(validator, this).throwIfAny();
        return new YosReferral(yosReference, offenderPseudonym, ageAtOffence, offenceCategory, offenceDate,
                District.fromCode(district).orElseThrow().code(), flags == null ? List.of() : List.copyOf(flags));
    }

    @Override
    public String toString() {
        return "YosReferralRequest[" + district + ", " + offenceCategory + "]";
    }
}
