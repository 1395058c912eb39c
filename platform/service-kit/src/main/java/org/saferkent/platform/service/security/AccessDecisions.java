package org.saferkent.platform.service.security;

import jakarta.servlet.http.HttpServletRequest;

/** Told of every refused request (the audit trail records them). */
@FunctionalInterface
public interface AccessDecisions {

    /**
     * @param caller {@code null} when the request carried no valid token
     * @param reason {@code unauthenticated} or {@code forbidden}
     */
    void denied(HttpServletRequest request, Caller caller, String reason);

    AccessDecisions NONE = (request, caller, reason) -> { };
}
