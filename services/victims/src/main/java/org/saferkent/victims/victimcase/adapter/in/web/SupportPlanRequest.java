package org.saferkent.victims.victimcase.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

/** The actions agreed with the victim and the date the plan is reviewed. */
record SupportPlanRequest(List<String> actions, String reviewOn) {

    static final int MAX_ACTIONS = 50;
    static final int MAX_ACTION_LENGTH = 500;

    CaseDecision validate() {
        FieldProblems problems = new FieldProblems();
        if (actions == null || actions.isEmpty()) {
            problems.add("actions", "must hold at least one action");
        } else if (actions.size() > MAX_ACTIONS) {
            problems.add("actions", "must hold at most " + MAX_ACTIONS + " actions");
        } else {
            for (int i = 0; i < actions.size(); i++) {
                if (problems.required("actions[" + i + "]", actions.get(i))) {
                    problems.maxLength("actions[" + i + "]", actions.get(i), MAX_ACTION_LENGTH);
                }
            }
        }
        LocalDate review = problems.date("reviewOn", reviewOn);
        problems.throwIfAny();
        List<String> agreed = actions.stream().map(String::strip).toList();
        return (victimCase, now) -> victimCase.agreeSupportPlan(agreed, review, now);
    }
}
