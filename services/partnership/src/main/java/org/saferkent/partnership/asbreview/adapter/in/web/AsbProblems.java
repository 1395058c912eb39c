package org.saferkent.partnership.asbreview.adapter.in.web;

import static org.saferkent.platform.service.ProblemResponses.problem;

import org.saferkent.partnership.asbreview.application.AsbReviewNotFoundException;
import org.saferkent.partnership.asbreview.domain.AsbRuleViolation;
import org.saferkent.partnership.web.RuleRefusal;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An application's refusals as RFC 9457 problems (field-level ones go through the platform's handler). */
@RestControllerAdvice(basePackageClasses = AsbProblems.class)
class AsbProblems {

    @ExceptionHandler(AsbReviewNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AsbReviewNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "ASB case review not found", "No such ASB case review application.");
    }

    @ExceptionHandler(AsbRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(AsbRuleViolation e) {
        return RuleRefusal.problemFor(e.rule(), e.field(), e.getMessage());
    }

    @ExceptionHandler(ConcurrentUpdateException.class)
    ResponseEntity<ProblemDetail> busy(ConcurrentUpdateException e) {
        return problem(HttpStatus.CONFLICT, "ASB case review busy", "The application kept changing meanwhile; try again.");
    }
}
