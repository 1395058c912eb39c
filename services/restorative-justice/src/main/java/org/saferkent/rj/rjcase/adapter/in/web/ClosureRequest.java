package org.saferkent.rj.rjcase.adapter.in.web;

import org.saferkent.rj.rjcase.domain.ClosureReason;
import org.saferkent.rj.web.FieldChecks;

/** Closes a case that ends without an outcome. {@code detail} is a short code, never free text about people. */
record ClosureRequest(String reason, String detail) {

    record Valid(ClosureReason reason, String detail) {
    }

    Valid validate() {
        FieldChecks checks = new FieldChecks();
        ClosureReason valid = checks.code("reason", reason, ClosureReason.class);
        if (detail != null && !detail.matches("[a-z0-9-]{1,50}")) {
            checks.add("detail", "must be a short code: 1 to 50 lowercase letters, digits or hyphens");
        }
        checks.throwIfAny();
        return new Valid(valid, detail);
    }
}
