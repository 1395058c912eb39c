package org.saferkent.commissioning.activity.adapter.in.messaging;

/** What commissioning reads of {@code victims.VictimCaseOpened.v1} and {@code rj.RjCaseOpened.v1}. */
public record OpenedCase(String caseId, String referralId, String district, String pathway) {

    public OpenedCase {
        Required.text(caseId, "caseId");
        Required.text(district, "district");
    }
}
