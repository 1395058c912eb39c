package org.saferkent.ops.stream;

import java.util.ArrayList;
import java.util.List;

import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream of ops events (Server-Sent Events, event name {@code ops}, data = a {@link StreamEvent}),
 * optionally only one service's and/or one kind ({@code DeadLetterRecorded}, {@code SlaBreached}, ...).
 */
@RestController
@RequestMapping("/api/ops")
class StreamController {

    private static final String FILTER = "[A-Za-z0-9._-]{1,100}";

    private final OpsStream stream;

    StreamController(OpsStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) String service, @RequestParam(required = false) String kind) {
        List<ProblemResponses.FieldProblem> problems = new ArrayList<>();
        if (service != null && !service.isBlank() && !service.trim().matches(FILTER)) {
            problems.add(new ProblemResponses.FieldProblem("service", "must be a service name"));
        }
        if (kind != null && !kind.isBlank() && !kind.trim().matches(FILTER)) {
            problems.add(new ProblemResponses.FieldProblem("kind", "must be an event name such as DeadLetterRecorded"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return stream.subscribe(service, kind);
    }

    @ExceptionHandler(OpsStream.Full.class)
    ResponseEntity<ProblemDetail> full(OpsStream.Full e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The live stream takes no more subscribers now; try again later.");
        problem.setTitle("Too many live streams");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
