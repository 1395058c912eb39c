package org.saferkent.victims.victimcase.adapter.in.web;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import org.saferkent.platform.service.RequestProblems;
import org.saferkent.victims.victimcase.domain.Codes;
import org.saferkent.victims.victimcase.domain.NeedCategory;
import org.saferkent.victims.victimcase.domain.NeedOutcome;

/** Per assessed need: improved, sustained or not-improved; and whether the victim copes and recovers. */
record OutcomesRequest(Map<String, String> needs, @NotNull(message = "is required: true or false") Boolean copeAndRecover) {

    CaseDecision validate(Validator validator) {
        RequestProblems problems = RequestProblems.of(validator, this);
        Map<NeedCategory, NeedOutcome> outcomes = new EnumMap<>(NeedCategory.class);
        if (needs == null) {
            problems.add("needs", "is required: an outcome (" + Codes.listOf(NeedOutcome.class)
                    + ") for each category assessed as a need ({} when none was)");
        } else {
            needs.forEach((key, value) -> {
                NeedCategory category = Codes.parse(NeedCategory.class, key).orElse(null);
                if (category == null) {
                    problems.add("needs." + key, "is not a category of need (" + Codes.listOf(NeedCategory.class) + ")");
                } else {
                    NeedOutcome outcome = MapCodes.parse(problems, "needs." + key, value, NeedOutcome.class);
                    if (outcome != null) {
                        outcomes.put(category, outcome);
                    }
                }
            });
        }
        problems.throwIfAny();
        boolean copes = copeAndRecover;
        return (victimCase, now) -> victimCase.recordOutcome(outcomes, copes, now);
    }

}
