package org.saferkent.victims.victimcase.adapter.in.web;

import java.util.EnumMap;
import java.util.Map;

import org.saferkent.victims.victimcase.domain.Codes;
import org.saferkent.victims.victimcase.domain.NeedCategory;
import org.saferkent.victims.victimcase.domain.NeedOutcome;

/** Per assessed need: improved, sustained or not-improved; and whether the victim copes and recovers. */
record OutcomesRequest(Map<String, String> needs, Boolean copeAndRecover) {

    CaseDecision validate() {
        FieldProblems problems = new FieldProblems();
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
                    NeedOutcome outcome = problems.code("needs." + key, value, NeedOutcome.class);
                    if (outcome != null) {
                        outcomes.put(category, outcome);
                    }
                }
            });
        }
        if (copeAndRecover == null) {
            problems.add("copeAndRecover", "is required: true or false");
        }
        problems.throwIfAny();
        boolean copes = copeAndRecover;
        return (victimCase, now) -> victimCase.recordOutcome(outcomes, copes, now);
    }
}
