package org.saferkent.referrals.triage.domain;

import java.time.Period;
import java.util.Objects;

/**
 * When a domestic abuse case goes to a MARAC other than by a HIGH DASH score.
 *
 * @param repeatWindow        how long after a MARAC referral a further incident is a repeat
 * @param escalationIncidents how many incidents within {@code escalationWindow} (this one included) escalate a case
 * @param escalationWindow    the period counted back from an incident for escalation
 */
public record MaracRules(Period repeatWindow, int escalationIncidents, Period escalationWindow) {

    public MaracRules {
        Objects.requireNonNull(repeatWindow, "repeatWindow");
        Objects.requireNonNull(escalationWindow, "escalationWindow");
        if (repeatWindow.isNegative() || escalationWindow.isNegative()) {
            throw new IllegalArgumentException("MARAC windows must not be negative");
        }
        if (escalationIncidents < 1) {
            throw new IllegalArgumentException("MARAC escalation needs at least 1 incident, was " + escalationIncidents);
        }
    }

    /** SafeLives MARAC guidance: repeat within 12 months of the last referral; escalation at 3 incidents in 12 months. */
    public static MaracRules defaults() {
        return new MaracRules(Period.ofMonths(12), 3, Period.ofMonths(12));
    }
}
