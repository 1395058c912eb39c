package org.saferkent.ops.deadletters;

import static org.saferkent.platform.service.ProblemResponses.problem;

import java.util.ArrayList;
import java.util.List;

import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses;
import org.saferkent.platform.service.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inspect, replay and park dead letters; read the audit trail. Who acts is the subject of the
 * caller's token (a person signed in on the page, or an operations client), never something the
 * request says about itself; every action is audited.
 */
@RestController
@RequestMapping("/api/ops")
class DeadLetterController {

    private static final int MAX_NOTE = 1000;

    /** The body of replay and park. */
    record ActionRequest(String note) {
    }

    private final DeadLetterActions actions;
    private final AuditTrail audit;

    DeadLetterController(DeadLetterActions actions, AuditTrail audit) {
        this.actions = actions;
        this.audit = audit;
    }

    /**
     * The dead letter with the record's headers and its payload, personal data masked (read from the topic
     * now); each inspection is audited under the caller's name.
     */
    @GetMapping("/dead-letters/{id}")
    ResponseEntity<?> inspect(@PathVariable String id) {
        return actions.inspect(id, operator()).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    /** Re-publishes the original record to its source topic; at most once (409 after). */
    @PostMapping("/dead-letters/{id}/replay")
    ResponseEntity<?> replay(@PathVariable String id, @RequestBody(required = false) ActionRequest body) {
        String note = validate(body, false);
        return answer(id, actions.replay(id, operator(), note));
    }

    /** Sets the dead letter aside with a note (it can still be replayed later). */
    @PostMapping("/dead-letters/{id}/park")
    ResponseEntity<?> park(@PathVariable String id, @RequestBody(required = false) ActionRequest body) {
        String note = validate(body, true);
        return answer(id, actions.park(id, operator(), note));
    }

    @GetMapping("/audit")
    List<AuditEntry> audit(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String deadLetterId) {
        return audit.latest(Math.max(1, Math.min(limit, 1000)), deadLetterId);
    }

    /** The signed-in person or client acting: the subject of its token. */
    private static String operator() {
        return Caller.current().map(Caller::subject).filter(subject -> !subject.isBlank())
                .orElseThrow(() -> new AccessDeniedException("no authenticated operator"));
    }

    private static String validate(ActionRequest body, boolean noteRequired) {
        List<ProblemResponses.FieldProblem> problems = new ArrayList<>();
        String note = body == null || body.note() == null ? null : body.note().trim();
        if (noteRequired && (note == null || note.isEmpty())) {
            problems.add(new ProblemResponses.FieldProblem("note", "is required: why it is parked"));
        } else if (note != null && note.length() > MAX_NOTE) {
            problems.add(new ProblemResponses.FieldProblem("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return note == null || note.isEmpty() ? null : note;
    }

    private static ResponseEntity<?> answer(String id, DeadLetterActions.Outcome outcome) {
        if (outcome instanceof DeadLetterActions.Outcome.Done done) {
            return ResponseEntity.ok(done.deadLetter());
        }
        if (outcome instanceof DeadLetterActions.Outcome.Conflict conflict) {
            return problem(HttpStatus.CONFLICT, "Not allowed now", conflict.detail());
        }
        if (outcome instanceof DeadLetterActions.Outcome.Gone gone) {
            return problem(HttpStatus.GONE, "Record no longer available", gone.detail());
        }
        if (outcome instanceof DeadLetterActions.Outcome.Failed failed) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Replay failed", failed.detail());
        }
        return notFound(id);
    }

    private static ResponseEntity<ProblemDetail> notFound(String id) {
        return problem(HttpStatus.NOT_FOUND, "Unknown dead letter", "No dead letter with this id.");
    }

}
