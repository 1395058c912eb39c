package org.saferkent.victims.victimcase.adapter.in.web;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.Validator;

import org.saferkent.platform.service.RequestProblems;
import org.saferkent.victims.victimcase.domain.Codes;
import org.saferkent.victims.victimcase.domain.NeedCategory;
import org.saferkent.victims.victimcase.domain.NeedLevel;

/** Needs in all eight categories of the commissioning framework: none, low, medium or high. */
record NeedsAssessmentRequest(Map<String, String> needs) {

    CaseDecision validate(Validator validator) {
        RequestProblems problems = RequestProblems.of(validator, this);
        Map<NeedCategory, NeedLevel> levels = new EnumMap<>(NeedCategory.class);
        if (needs == null) {
            problems.add("needs", "is required: a level (" + Codes.listOf(NeedLevel.class) + ") for each of "
                    + Codes.listOf(NeedCategory.class));
        } else {
            needs.forEach((key, value) -> {
                NeedCategory category = Codes.parse(NeedCategory.class, key).orElse(null);
                if (category == null) {
                    problems.add("needs." + key, "is not a category of need (" + Codes.listOf(NeedCategory.class) + ")");
                } else {
                    NeedLevel level = MapCodes.parse(problems, "needs." + key, value, NeedLevel.class);
                    if (level != null) {
                        levels.put(category, level);
                    }
                }
            });
            for (NeedCategory category : NeedCategory.values()) {
                if (needs.keySet().stream().noneMatch(key -> Codes.parse(NeedCategory.class, key).orElse(null) == category)) {
                    problems.add("needs." + Codes.of(category), "is required: rate every category of need ("
                            + Codes.listOf(NeedLevel.class) + ")");
                }
            }
        }
        problems.throwIfAny();
        return (victimCase, now) -> victimCase.assessNeeds(levels, now);
    }

}
