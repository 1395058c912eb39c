package org.saferkent.victims.dataprotection;

import org.saferkent.platform.dataprotection.PersonalDataErasedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A victim's details asked for after the subject was erased: 410 Gone, for good. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErasedPersonalDataProblems {

    @ExceptionHandler(PersonalDataErasedException.class)
    ResponseEntity<ProblemDetail> erased(PersonalDataErasedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE,
                "The victim's personal details were erased and can no longer be read.");
        problem.setTitle("Personal data erased");
        problem.setProperty("erased", true);
        return ResponseEntity.status(HttpStatus.GONE).body(problem);
    }
}
