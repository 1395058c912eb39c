package org.saferkent.rj.rjcase.domain;

import java.time.LocalDate;

/** The restorative intervention: its type, when it is planned and when it took place. */
public record Conference(InterventionType type, LocalDate scheduledFor, LocalDate heldOn) {

    public boolean held() {
        return heldOn != null;
    }
}
