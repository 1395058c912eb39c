package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/** What commissioning reads of {@code rj.RjCaseOpened.v1}. */
public record RjCaseOpening(String caseId, String referralId, String district, String source, Instant openedAt) {

    public RjCaseOpening {
        Required.text(caseId, "caseId");
        Required.text(district, "district");
    }
}
