package org.saferkent.platform.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * Every error a client can cause becomes an RFC 9457 problem ({@code application/problem+json})
 * whose {@code errors} list names each offending field. Values are never echoed back (they may be
 * personal data) and no stack trace or internal class name leaves the service.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemResponses.class);

    /** One offending field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    /** The most field problems one answer lists, however many there are; {@code moreErrors} counts the rest. */
    public static final int MAX_FIELD_PROBLEMS = 20;

    /** The first {@link #MAX_FIELD_PROBLEMS} of {@code problems}. */
    public static List<FieldProblem> firstProblems(List<FieldProblem> problems) {
        return problems.size() > MAX_FIELD_PROBLEMS ? List.copyOf(problems.subList(0, MAX_FIELD_PROBLEMS)) : problems;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return ResponseEntity.unprocessableEntity().body(validationProblem(e.problems()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error ->
                problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.unprocessableEntity().body(validationProblem(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (RequestSizeLimitFilter.causedByOversizedBody(e)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
            problem.setTitle("Request body too large");
            problem.setProperty("errors", List.of(new FieldProblem("$", "body too large")));
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON for this resource.");
        problem.setTitle("Unreadable request body");
        if (e.getCause() instanceof JacksonException jackson) {
            String field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
            String message = field == null ? "malformed JSON" : "value does not fit the field";
            if (jackson.getLocation() != null && jackson.getLocation().getLineNr() > 0) {
                message += " (line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr() + ")";
            }
            problem.setProperty("errors", List.of(new FieldProblem(field == null ? "$" : field, message)));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** A query or path parameter of the wrong type: named, its value not echoed. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        String expected = expectedValue(e.getRequiredType());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "A parameter has the wrong type.");
        problem.setTitle("Invalid parameter");
        problem.setProperty("errors", List.of(new FieldProblem(field == null ? "$" : field, "is not a valid " + expected)));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * Anything unexpected: a 500 problem that says nothing of what failed inside (the log has it, under the
     * request's correlation id). Security exceptions go on to Spring Security, which answers 401 / 403.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        log.error("Request failed", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    /** What a parameter should look like, in the client's terms rather than a Java type's name. */
    /** An RFC 9457 problem with its status, title and detail: what every service's own refusals answer. */
    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    private static String expectedValue(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "date-time (ISO 8601, e.g. 2026-11-28T09:00:00Z)";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "value";
    }

    private static ProblemDetail validationProblem(List<FieldProblem> problems) {
        int more = problems.size() - MAX_FIELD_PROBLEMS;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The request has " + problems.size() + " invalid field" + (problems.size() == 1 ? "" : "s") + "."
                        + (more > 0 ? " Only the first " + MAX_FIELD_PROBLEMS + " are listed." : ""));
        problem.setTitle("Invalid request");
        problem.setProperties(more > 0 ? Map.of("errors", firstProblems(problems), "moreErrors", more)
                : Map.of("errors", problems));
        return problem;
    }
}
