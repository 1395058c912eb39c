package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;
import java.util.Map;

/** What commissioning reads of {@code victims.VictimOutcomeRecorded.v1}: per need improved, sustained or not-improved. */
public record VictimOutcome(String caseId, String district, Map<String, String> needs, Boolean copeAndRecover,
        Instant recordedAt) {

    public VictimOutcome {
        Required.text(caseId, "caseId");
        needs = needs == null ? Map.of() : needs;
    }
}
