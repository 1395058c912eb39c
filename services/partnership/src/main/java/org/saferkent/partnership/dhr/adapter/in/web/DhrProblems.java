package org.saferkent.partnership.dhr.adapter.in.web;

import static org.saferkent.platform.service.ProblemResponses.problem;

import org.saferkent.partnership.dhr.application.ReviewNotFoundException;
import org.saferkent.partnership.dhr.domain.RuleViolation;
import org.saferkent.partnership.web.RuleRefusal;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A review's refusals as RFC 9457 problems (field-level ones go through the platform's handler). */
@RestControllerAdvice(basePackageClasses = DhrProblems.class)
class DhrProblems {

    @ExceptionHandler(ReviewNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ReviewNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Domestic Homicide Review not found", "No such review or recommendation.");
    }

    /** 409 naming the rule: the step is out of order as the review stands. */
    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> refused(RuleViolation e) {
        return RuleRefusal.problemFor(e.rule(), e.field(), e.getMessage());
    }

    @ExceptionHandler(ConcurrentUpdateException.class)
    ResponseEntity<ProblemDetail> busy(ConcurrentUpdateException e) {
        return problem(HttpStatus.CONFLICT, "Domestic Homicide Review busy", "The review kept changing meanwhile; try again.");
    }
}
