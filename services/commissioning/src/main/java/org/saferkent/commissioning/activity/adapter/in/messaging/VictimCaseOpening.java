package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/** What commissioning reads of {@code victims.VictimCaseOpened.v1}. */
public record VictimCaseOpening(String caseId, String referralId, String district, String pathway, Instant openedAt,
        Boolean enhanced, Instant firstContactDueAt) {

    public VictimCaseOpening {
        Required.text(caseId, "caseId");
        Required.text(district, "district");
        Required.text(pathway, "pathway");
    }
}
