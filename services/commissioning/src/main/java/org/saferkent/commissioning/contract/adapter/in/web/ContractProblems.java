package org.saferkent.commissioning.contract.adapter.in.web;

import static org.saferkent.platform.service.ProblemResponses.problem;

import org.saferkent.commissioning.contract.application.ContractNotFoundException;
import org.saferkent.commissioning.contract.domain.ContractEndedException;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Contract-level refusals as RFC 9457 problems (field-level ones go through the platform's handler). */
@RestControllerAdvice(basePackageClasses = ContractProblems.class)
class ContractProblems {

    @ExceptionHandler(ContractNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ContractNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Contract not found", "No contract has this id.");
    }

    @ExceptionHandler(ContractEndedException.class)
    ResponseEntity<ProblemDetail> ended(ContractEndedException e) {
        return problem(HttpStatus.CONFLICT, "Contract ended", "The contract has ended: it can no longer be varied or ended.");
    }

    @ExceptionHandler(ConcurrentUpdateException.class)
    ResponseEntity<ProblemDetail> busy(ConcurrentUpdateException e) {
        return problem(HttpStatus.CONFLICT, "Contract busy", "The contract kept changing meanwhile; try again.");
    }
}
