package org.saferkent.commissioning.performance.domain;

import java.time.LocalDate;

/** A restorative justice case: opened, closed (completed, failed, consent-withdrawn, other) and its outcome. */
public record RjCaseFact(String caseId, String district, LocalDate openedOn, LocalDate closedOn, String closeReason,
        RjOutcomeFact outcome) {

    public boolean completed() {
        return closedOn != null && "completed".equals(closeReason);
    }
}
