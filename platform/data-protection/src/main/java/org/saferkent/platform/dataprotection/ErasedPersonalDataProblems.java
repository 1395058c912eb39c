package org.saferkent.platform.dataprotection;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Personal data asked for after its subject was erased: 410 Gone, for good, as an RFC 9457 problem with
 * {@code "erased": true}, from whichever endpoint read it (the claim check, a case's details), so those
 * controllers need not know about erasure.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ErasedPersonalDataProblems {

    @ExceptionHandler(PersonalDataErasedException.class)
    ResponseEntity<ProblemDetail> erased(PersonalDataErasedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE,
                "The subject's personal data was erased and can no longer be read.");
        problem.setTitle("Personal data erased");
        problem.setProperty("erased", true);
        return ResponseEntity.status(HttpStatus.GONE).body(problem);
    }
}
