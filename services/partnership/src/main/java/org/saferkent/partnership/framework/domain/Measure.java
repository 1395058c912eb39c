package org.saferkent.partnership.framework.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The performance framework's measures, each computed from the system's own events (see the README's partnership
 * section for each one's definition and source). An action plan's actions name the measures that show their progress
 * by these codes.
 */
public enum Measure {
    VICTIMS_CONTACTED_WITHIN_CODE("victims-contacted-within-code"),
    REPEAT_DOMESTIC_ABUSE_REFERRALS("repeat-domestic-abuse-referrals"),
    RJ_COMPLETION("rj-completion"),
    ASB_CASE_REVIEWS("asb-case-reviews"),
    /** First-time entrants (10-17) in the period as a percentage of those in the period before: lower is better. */
    FIRST_TIME_ENTRANTS("first-time-entrants"),
    /** RJ victims who answered: the share satisfied (4 or 5 of 5). */
    RJ_SATISFACTION("rj-satisfaction");

    private final String code;

    Measure(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Measure> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
