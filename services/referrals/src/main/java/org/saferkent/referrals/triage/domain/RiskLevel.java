package org.saferkent.referrals.triage.domain;

/** Domestic abuse risk, lowest first: the declaration order is the severity order. */
public enum RiskLevel {
    STANDARD,
    MEDIUM,
    HIGH;

    /** The more severe of this level and {@code other}; a {@code null} other leaves this level. */
    public RiskLevel max(RiskLevel other) {
        return other != null && other.compareTo(this) > 0 ? other : this;
    }

    public boolean isHigherThan(RiskLevel other) {
        return other == null || compareTo(other) > 0;
    }
}
