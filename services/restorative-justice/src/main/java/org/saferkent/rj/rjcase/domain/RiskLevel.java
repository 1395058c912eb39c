package org.saferkent.rj.rjcase.domain;

public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
