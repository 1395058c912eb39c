package org.saferkent.rj.rjcase.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import org.saferkent.rj.rjcase.application.RjCases.YosReferral;
import org.saferkent.rj.vocabulary.District;
import org.saferkent.rj.vocabulary.OffenceCategories;
import org.saferkent.rj.web.FieldChecks;

/** A young offender referred for restorative justice by the Youth Offending Service. */
record YosReferralRequest(String agency, String offenderPseudonym, Integer ageAtOffence, String offenceCategory,
        LocalDate offenceDate, String district, String yosReference, List<String> flags) {

    static final String YOS = "kcc-youth-offending-service";

    /** Checks every field and reports everything that is wrong at once. */
    YosReferral validate(LocalDate today) {
        FieldChecks checks = new FieldChecks();
        if (checks.required("agency", agency) && !YOS.equals(agency)) {
            checks.add("agency", "must be " + YOS + ": only the Youth Offending Service refers young offenders here");
        }
        checks.pseudonym("offenderPseudonym", offenderPseudonym);
        checks.range("ageAtOffence", ageAtOffence, 10, 17, ": the Youth Offending Service works with 10 to 17 year olds");
        checks.category("offenceCategory", offenceCategory);
        checks.pastDate("offenceDate", offenceDate, today);
        District valid = checks.district("district", district);
        if (checks.required("yosReference", yosReference)) {
            checks.maxLength("yosReference", yosReference, 100);
        }
        List<String> validFlags = flags == null ? List.of() : flags;
        for (int i = 0; i < validFlags.size(); i++) {
            if (!OffenceCategories.FLAGS.contains(validFlags.get(i))) {
                checks.add("flags[" + i + "]", "is not one of " + OffenceCategories.FLAGS);
            }
        }
        checks.throwIfAny();
        return new YosReferral(yosReference, offenderPseudonym, ageAtOffence, offenceCategory, offenceDate, valid.code(),
                List.copyOf(validFlags));
    }

    @Override
    public String toString() {
        return "YosReferralRequest[" + district + ", " + offenceCategory + "]";
    }
}
