package org.saferkent.referrals.inbox.adapter.in.web;

import static org.saferkent.platform.service.ProblemResponses.problem;

import java.util.List;

import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.referrals.inbox.application.InboxRuleViolation;
import org.saferkent.referrals.inbox.application.NotInInboxException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The inbox's own refusals as RFC 9457 problems (field problems go through the platform's handler). */
@RestControllerAdvice(basePackageClasses = InboxProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InboxProblems {

    @ExceptionHandler(NotInInboxException.class)
    ResponseEntity<ProblemDetail> notFound(NotInInboxException e) {
        return problem(HttpStatus.NOT_FOUND, "Not in your inbox", e.getMessage());
    }

    /** 409 naming the rule and the pathway. */
    @ExceptionHandler(InboxRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(InboxRuleViolation e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT, "Refused by the rule " + e.rule(), e.getMessage());
        response.getBody().setProperty("rule", e.rule());
        response.getBody().setProperty("errors", List.of(new FieldProblem("pathway", e.getMessage())));
        return response;
    }

    @ExceptionHandler(ConcurrentUpdateException.class)
    ResponseEntity<ProblemDetail> busy(ConcurrentUpdateException e) {
        return problem(HttpStatus.CONFLICT, "Referral busy", "The referral kept changing meanwhile; try again.");
    }
}
