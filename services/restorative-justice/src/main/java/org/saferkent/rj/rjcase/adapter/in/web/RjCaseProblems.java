package org.saferkent.rj.rjcase.adapter.in.web;

import static org.saferkent.platform.service.ProblemResponses.problem;

import java.util.List;

import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.rj.rjcase.application.CaseNotFoundException;
import org.saferkent.rj.rjcase.domain.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The case-level refusals as RFC 9457 problems (field-level ones go through the platform's handler). */
@RestControllerAdvice(basePackageClasses = RjCaseProblems.class)
class RjCaseProblems {

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CaseNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Restorative justice case not found", "No restorative justice case found.");
    }

    /** 409 naming the rule, so that a client can tell "needs a manager's approval" from "the case is closed". */
    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> refused(RuleViolation e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT, "Refused by the rule " + e.rule(), e.getMessage());
        ProblemDetail problem = response.getBody();
        problem.setProperty("rule", e.rule());
        problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        return response;
    }

    @ExceptionHandler(ConcurrentUpdateException.class)
    ResponseEntity<ProblemDetail> busy(ConcurrentUpdateException e) {
        return problem(HttpStatus.CONFLICT, "Restorative justice case busy", "The case kept changing meanwhile; try again.");
    }
}
