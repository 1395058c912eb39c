package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/** What commissioning reads of {@code victims.VictimContacted.v1}: only the first contact made matters. */
public record VictimContact(String caseId, String district, Boolean firstContact, Boolean withinTimeLimit,
        Instant attemptedAt, Instant recordedAt) {

    public VictimContact {
        Required.text(caseId, "caseId");
    }
}
