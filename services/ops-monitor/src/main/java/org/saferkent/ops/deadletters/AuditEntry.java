package org.saferkent.ops.deadletters;

import java.time.Instant;

/**
 * One operator action, as written to the append-only {@code ops_audit} collection: never updated or
 * deleted by ops-monitor.
 *
 * @param operator who (the {@code X-Operator} header, until sign-in arrives)
 * @param action   what: {@code REPLAY} or {@code PARK}, or {@code RECOVER} (by {@code ops-monitor}: a replay claim
 *                 lapsed, the dead letter is open again)
 * @param outcome  {@code DONE}, or why not: {@code REFUSED} (already replayed, ...), {@code GONE} (the record
 *                 is no longer on its topic), {@code FAILED} (the broker did not take it)
 */
public record AuditEntry(String id, Instant at, String operator, String action, String deadLetterId, String outcome,
        String detail, String note) {
}
