package org.saferkent.ops.bindings;

import static org.saferkent.platform.service.ProblemResponses.problem;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.saferkent.platform.service.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every service's consumer bindings on the operations page, and pausing or resuming one during an
 * incident: {@code GET /api/ops/bindings} (ops.read), {@code POST /api/ops/bindings/{service}/{binding}}
 * with {@code {"state":"PAUSED"}} or {@code {"state":"RESUMED"}} (ops.write). Each service is asked
 * with the caller's own access token, so it checks their scopes and audits the change under their name.
 */
@RestController
@RequestMapping("/api/ops/bindings")
class BindingsController {

    private static final Set<String> STATES = Set.of("PAUSED", "RESUMED");
    private static final Pattern BINDING = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    /** The body of a change. */
    record ChangeRequest(String state) {
    }

    private final ServiceBindings bindings;
    private final CallerAccessToken tokens;

    BindingsController(ServiceBindings bindings, CallerAccessToken tokens) {
        this.bindings = bindings;
        this.tokens = tokens;
    }

    @GetMapping
    ResponseEntity<?> list(HttpServletRequest request) {
        return tokens.of(request).<ResponseEntity<?>>map(token -> ResponseEntity.ok(bindings.list(token)))
                .orElseGet(BindingsController::signInAgain);
    }

    @PostMapping("/{service}/{binding}")
    ResponseEntity<?> change(@PathVariable String service, @PathVariable String binding,
            @RequestBody(required = false) ChangeRequest body, HttpServletRequest request) {
        String state = body == null || body.state() == null ? null : body.state().trim();
        if (state == null || !STATES.contains(state)) {
            throw InvalidRequestException.of("state", "must be PAUSED or RESUMED");
        }
        if (!BINDING.matcher(binding).matches()) {
            throw InvalidRequestException.of("binding", "is not a binding name (letters, digits, '.', '_', '-')");
        }
        String token = tokens.of(request).orElse(null);
        if (token == null) {
            return signInAgain();
        }
        ServiceBindings.Change change = bindings.change(service, binding, state, token);
        if (change.done()) {
            return ResponseEntity.ok(new Changed(service, change.binding()));
        }
        return problem(HttpStatus.valueOf(change.status()), change.title(), change.detail());
    }

    /** A change done: the binding as its service now reports it. */
    record Changed(String service, ServiceBindings.Binding binding) {
    }

    private static ResponseEntity<?> signInAgain() {
        return problem(HttpStatus.UNAUTHORIZED, "Sign in again",
                "Your sign-in has expired: reload the page to sign in again, or send a fresh bearer token.");
    }
}
