package org.saferkent.platform.service.security;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

/** Told of every refused request (the audit trail records them). */
@FunctionalInterface
public interface AccessDecisions {

    /**
     * @param caller {@code null} when the request carried no valid token
     * @param reason {@code unauthenticated} or {@code forbidden}
     */
    void denied(HttpServletRequest request, Caller caller, String reason);

    /** {@code count} refusals for {@code reason} since {@code since} that were counted, not recorded one by one. */
    default void deniedInBulk(long count, Instant since, String reason) {
    }

    AccessDecisions NONE = (request, caller, reason) -> { };
}
