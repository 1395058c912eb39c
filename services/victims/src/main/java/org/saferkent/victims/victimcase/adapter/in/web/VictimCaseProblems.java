package org.saferkent.victims.victimcase.adapter.in.web;

import static org.saferkent.platform.service.ProblemResponses.problem;

import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.victims.victimcase.application.CaseNotFoundException;
import org.saferkent.victims.victimcase.domain.CaseClosedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The case-level refusals as RFC 9457 problems (field-level ones go through the platform's handler). */
@RestControllerAdvice(basePackageClasses = VictimCaseProblems.class)
class VictimCaseProblems {

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CaseNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Victim case not found", "No victim case found.");
    }

    @ExceptionHandler(CaseClosedException.class)
    ResponseEntity<ProblemDetail> closed(CaseClosedException e) {
        return problem(HttpStatus.CONFLICT, "Victim case closed", "The victim case is closed: this needs an open case.");
    }

    @ExceptionHandler(ConcurrentUpdateException.class)
    ResponseEntity<ProblemDetail> busy(ConcurrentUpdateException e) {
        return problem(HttpStatus.CONFLICT, "Victim case busy", "The case kept changing meanwhile; try again.");
    }
}
