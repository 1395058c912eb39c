package org.saferkent.rj.rjcase.adapter.in.web;

import jakarta.validation.Validator;

import org.saferkent.platform.service.RequestProblems;

/**
 * A manager's approval of direct contact. The approver is the caller, named by their token (it needs the
 * rj.approve scope): the body may leave {@code approvedBy} out, and may not name anyone else.
 */
record ManagerApprovalRequest(String approvedBy) {

    /** The approver: the caller, whose name the body may repeat but not replace. */
    String validate(Validator validator, String caller) {
        RequestProblems problems = RequestProblems.of(validator, this);
        if (approvedBy != null && !approvedBy.equals(caller)) {
            problems.add("approvedBy", "must be left out: the approver is the manager the token names, never a name in the body");
        }
        problems.throwIfAny();
        return caller;
    }
}
