package org.saferkent.rj.rjcase.adapter.in.web;

import org.saferkent.rj.web.FieldChecks;

record FacilitatorRequest(String facilitator) {

    String validate() {
        FieldChecks checks = new FieldChecks();
        checks.text("facilitator", facilitator);
        checks.throwIfAny();
        return facilitator;
    }
}
