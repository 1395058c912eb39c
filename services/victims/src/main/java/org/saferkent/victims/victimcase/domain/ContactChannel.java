package org.saferkent.victims.victimcase.domain;

/** How a victims service tried to reach the victim. */
public enum ContactChannel {
    PHONE, EMAIL, LETTER, VISIT, TEXT
}
