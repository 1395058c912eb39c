package org.saferkent.victims.victimcase.domain;

/** How a need changed with support (PCC outcome reporting, from 2018). */
public enum NeedOutcome {
    IMPROVED, SUSTAINED, NOT_IMPROVED
}
