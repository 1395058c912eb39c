package org.saferkent.platform.service.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problems. The {@code WWW-Authenticate} header keeps RFC 6750's detail
 * (invalid_token, insufficient_scope); the body says nothing about the service's internals.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final AccessDecisions decisions;
    private final DenialThrottle unauthenticated;

    /** Unauthenticated refusals: 5 per address and 100 in all recorded one by one each minute, the rest counted. */
    public SecurityProblems(AccessDecisions decisions) {
        this(decisions, new DenialThrottle(5, 100, Duration.ofMinutes(1), Clock.systemUTC()));
    }

    public SecurityProblems(AccessDecisions decisions, DenialThrottle unauthenticated) {
        this.decisions = decisions;
        this.unauthenticated = unauthenticated;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearerEntryPoint.commence(request, response, e);
        if (worthAuditing(request)) {
            // anyone can cause these, as fast as they like: bounded before they reach the trail
            DenialThrottle.Verdict verdict = unauthenticated.admit(request.getRemoteAddr());
            if (verdict.notRecordedBefore() > 0) {
                decisions.deniedInBulk(verdict.notRecordedBefore(), verdict.windowStarted(), "unauthenticated");
            }
            if (verdict.record()) {
                decisions.denied(request, null, "unauthenticated");
            }
        }
        write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "A valid bearer token from the identity server is required.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        if (worthAuditing(request)) {
            decisions.denied(request, Caller.current().orElse(null), "forbidden");
        }
        write(response, HttpStatus.FORBIDDEN, "Forbidden", "The token does not grant access to this resource.");
    }

    /** Refusals on the API and the actuator are audited; probes of paths the service never had are not. */
    private static boolean worthAuditing(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/") || path.startsWith("/actuator/");
    }

    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
