package org.saferkent.rj.rjcase.adapter.in.web;

import org.saferkent.rj.web.FieldChecks;

/**
 * A manager's approval of direct contact. The approver is the caller, named by their token (it needs the
 * rj.approve scope): the body may leave {@code approvedBy} out, and may not name anyone else.
 */
record ManagerApprovalRequest(String approvedBy) {

    /** The approver: the caller, whose name the body may repeat but not replace. */
    String validate(String caller) {
        FieldChecks checks = new FieldChecks();
        if (approvedBy != null && !approvedBy.equals(caller)) {
            checks.add("approvedBy", "must be left out: the approver is the manager the token names, never a name in the body");
        }
        checks.throwIfAny();
        return caller;
    }
}
