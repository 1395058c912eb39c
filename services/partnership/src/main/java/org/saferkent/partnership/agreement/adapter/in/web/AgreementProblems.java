package org.saferkent.partnership.agreement.adapter.in.web;

import static org.saferkent.platform.service.ProblemResponses.problem;

import org.saferkent.partnership.agreement.application.AgreementNotFoundException;
import org.saferkent.partnership.agreement.domain.ActionNotFoundException;
import org.saferkent.partnership.agreement.domain.AgreementRuleViolation;
import org.saferkent.partnership.web.RuleRefusal;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The agreement's refusals as RFC 9457 problems (field-level ones go through the platform's handler). */
@RestControllerAdvice(basePackageClasses = AgreementProblems.class)
class AgreementProblems {

    @ExceptionHandler(AgreementNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AgreementNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Agreement not found", "No Community Safety Agreement for that year.");
    }

    @ExceptionHandler(ActionNotFoundException.class)
    ResponseEntity<ProblemDetail> noAction(ActionNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Action not found", "No such action in the year's action plan.");
    }

    @ExceptionHandler(AgreementRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(AgreementRuleViolation e) {
        return RuleRefusal.problemFor(e.rule(), e.field(), e.getMessage());
    }

    @ExceptionHandler(ConcurrentUpdateException.class)
    ResponseEntity<ProblemDetail> busy(ConcurrentUpdateException e) {
        return problem(HttpStatus.CONFLICT, "Agreement busy", "The agreement kept changing meanwhile; try again.");
    }
}
