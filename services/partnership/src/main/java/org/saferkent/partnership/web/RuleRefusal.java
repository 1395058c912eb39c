package org.saferkent.partnership.web;

import static org.saferkent.platform.service.ProblemResponses.problem;

import java.util.List;

import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A step refused by a rule as the record stands: 409 naming the rule, and the field it concerns as the problem's error. */
public final class RuleRefusal {

    private RuleRefusal() {
    }

    public static ResponseEntity<ProblemDetail> problemFor(String rule, String field, String message) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT, "Refused by the rule " + rule, message);
        ProblemDetail problem = response.getBody();
        problem.setProperty("rule", rule);
        problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        return response;
    }
}
