package org.saferkent.partnership.assessment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The change from the previous year, worked out from published figures only (so it can reveal nothing they hide). */
public final class YearOnYear {

    private YearOnYear() {
    }

    /**
     * The change in per cent, to one decimal place; null when either figure is suppressed (a change from a suppressed
     * figure would give it away) or the previous year had none (no percentage of nothing).
     */
    public static Double percent(Figure current, Figure previous) {
        if (current.isSuppressed() || previous.isSuppressed() || previous.value() == 0) {
            return null;
        }
        return percent(current.value(), previous.value());
    }

    /** The change from {@code previous} to {@code current} in per cent, one decimal place, halves away from zero; null from 0. */
    public static Double percent(int current, int previous) {
        if (previous == 0) {
            return null;
        }
        return BigDecimal.valueOf(current - (long) previous).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
