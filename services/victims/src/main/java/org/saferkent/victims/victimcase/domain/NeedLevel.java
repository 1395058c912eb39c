package org.saferkent.victims.victimcase.domain;

/** How much a victim needs help in one category of need. */
public enum NeedLevel {
    NONE, LOW, MEDIUM, HIGH
}
