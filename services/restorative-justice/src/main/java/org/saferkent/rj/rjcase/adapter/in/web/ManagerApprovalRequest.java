package org.saferkent.rj.rjcase.adapter.in.web;

import org.saferkent.rj.web.FieldChecks;

record ManagerApprovalRequest(String approvedBy) {

    String validate() {
        FieldChecks checks = new FieldChecks();
        checks.text("approvedBy", approvedBy);
        checks.throwIfAny();
        return approvedBy;
    }
}
