package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/**
 * What commissioning reads of {@code victims.VictimCodeDeadlineBreachWithdrawn.v1}: the duty was done in time
 * ({@code metAt}, before {@code dueAt}) but recorded after the deadline scan had announced it missed.
 */
public record WithdrawnBreach(String caseId, String district, String duty, Instant dueAt, Instant metAt) {

    public WithdrawnBreach {
        Required.text(caseId, "caseId");
        Required.text(duty, "duty");
    }
}
