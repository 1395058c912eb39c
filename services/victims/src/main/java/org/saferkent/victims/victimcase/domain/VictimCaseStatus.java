package org.saferkent.victims.victimcase.domain;

public enum VictimCaseStatus {
    OPEN, CLOSED
}
