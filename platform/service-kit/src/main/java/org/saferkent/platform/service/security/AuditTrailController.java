package org.saferkent.platform.service.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit}: the audit trail for auditors (audit.read), latest first. */
@RestController
@RequestMapping("/api/audit")
public class AuditTrailController {

    private static final Set<String> OUTCOMES = Set.of(PersonalDataAudit.ALLOWED, PersonalDataAudit.DENIED);
    private static final Set<String> ACTIONS = Set.of("read-personal-data", "request");

    private final PersonalDataAudit audit;

    public AuditTrailController(PersonalDataAudit audit) {
        this.audit = audit;
    }

    @GetMapping
    List<AuditEntry> find(@RequestParam(required = false) String clientId, @RequestParam(required = false) String recordId,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String action,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "100") int limit) {
        List<FieldProblem> problems = new ArrayList<>();
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            problems.add(new FieldProblem("outcome", "must be allowed or denied"));
        }
        if (action != null && !ACTIONS.contains(action)) {
            problems.add(new FieldProblem("action", "must be read-personal-data or request"));
        }
        if (limit < 1 || limit > 1000) {
            problems.add(new FieldProblem("limit", "must be between 1 and 1000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return audit.find(new AuditQuery(clientId, recordId, outcome, action, from, to, limit));
    }
}
