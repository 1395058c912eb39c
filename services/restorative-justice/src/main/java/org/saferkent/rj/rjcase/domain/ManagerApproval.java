package org.saferkent.rj.rjcase.domain;

import java.time.Instant;

/** A manager approved direct contact between the parties. */
public record ManagerApproval(String approvedBy, Instant approvedAt) {
}
