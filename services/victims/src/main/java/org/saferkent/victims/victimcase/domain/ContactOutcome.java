package org.saferkent.victims.victimcase.domain;

/** What came of a contact attempt; only {@code MADE} meets the first-contact duty. */
public enum ContactOutcome {
    MADE, NO_ANSWER, LEFT_MESSAGE, DECLINED, WRONG_DETAILS
}
