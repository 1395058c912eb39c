package org.saferkent.rj.rjcase.domain;

public enum RjCaseStatus {
    OPEN, CLOSED
}
