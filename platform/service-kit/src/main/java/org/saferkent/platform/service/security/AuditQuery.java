package org.saferkent.platform.service.security;

import java.time.Instant;

/** Filters on the audit trail; {@code null} = any. */
public record AuditQuery(String clientId, String recordId, String outcome, String action, Instant from, Instant to,
        int limit) {
}
