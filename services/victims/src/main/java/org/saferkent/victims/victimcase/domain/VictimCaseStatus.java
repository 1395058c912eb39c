package org.saferkent.victims.victimcase.domain;

/** Whether the victims service is still working on the case. */
public enum VictimCaseStatus {
    OPEN, CLOSED
}
