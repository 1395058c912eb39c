package org.saferkent.commissioning.performance.adapter.in.web;

import org.saferkent.platform.service.ProblemResponses;
import org.saferkent.commissioning.performance.application.RebuildInProgressException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rebuild refused while the projection is held, as an RFC 9457 problem. */
@RestControllerAdvice(basePackageClasses = PerformanceProblems.class)
class PerformanceProblems {

    @ExceptionHandler(RebuildInProgressException.class)
    ResponseEntity<ProblemDetail> busy(RebuildInProgressException e) {
        return ProblemResponses.problem(HttpStatus.CONFLICT, "Rebuild in progress",
                "The projection is being rebuilt or refreshed; try again later.");
    }
}
