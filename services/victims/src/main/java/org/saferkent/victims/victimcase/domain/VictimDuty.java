package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

/**
 * A Victims' Code time limit running on a case: met (done before {@code dueAt}), breached, or still
 * open.
 */
public record VictimDuty(String name, Instant dueAt, Instant metAt, Instant breachedAt) {

    /** The victims service's first contact with the victim. */
    public static final String FIRST_CONTACT = "first-contact";
    /** Information about restorative justice offered to the victim. */
    public static final String RESTORATIVE_JUSTICE_INFORMATION = "restorative-justice-information";

    public boolean isOpen() {
        return metAt == null && breachedAt == null;
    }

    /** Due at {@code dueAt} exclusive: a duty still open at that very instant has been missed. */
    public boolean isOverdue(Instant now) {
        return isOpen() && !now.isBefore(dueAt);
    }

    /** Met if done in time; done late, it stays open for the breach to be recorded. */
    VictimDuty doneAt(Instant at) {
        return isOpen() && at.isBefore(dueAt) ? new VictimDuty(name, dueAt, at, null) : this;
    }

    VictimDuty breached(Instant at) {
        return new VictimDuty(name, dueAt, null, at);
    }
}
