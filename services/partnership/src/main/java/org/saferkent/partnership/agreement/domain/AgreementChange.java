package org.saferkent.partnership.agreement.domain;

import java.util.List;

/** The agreement after a decision, and the facts it produced; the caller stores both in one write. */
public record AgreementChange(CommunitySafetyAgreement agreement, List<Object> events) {

    public AgreementChange {
        events = List.copyOf(events);
    }
}
