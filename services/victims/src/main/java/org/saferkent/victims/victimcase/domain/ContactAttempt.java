package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

/** One attempt to reach the victim: when, how, and what came of it. */
public record ContactAttempt(Instant attemptedAt, ContactChannel channel, ContactOutcome outcome, Instant recordedAt) {

    public boolean made() {
        return outcome == ContactOutcome.MADE;
    }
}
