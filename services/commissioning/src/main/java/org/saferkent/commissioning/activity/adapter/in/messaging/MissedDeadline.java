package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/** What commissioning reads of {@code victims.VictimCodeDeadlineMissed.v1}. */
public record MissedDeadline(String caseId, String district, String duty, Instant dueAt, Instant missedAt) {

    public MissedDeadline {
        Required.text(caseId, "caseId");
        Required.text(duty, "duty");
    }
}
