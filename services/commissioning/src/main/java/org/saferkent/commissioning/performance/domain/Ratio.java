package org.saferkent.commissioning.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A measure as the exact fraction it is computed from, so that comparing it with a target never
 * suffers rounding (17 of 20 is exactly 0.85). Nothing to divide by means no measure: see {@link #of}.
 */
public record Ratio(long numerator, long denominator) {

    public Ratio {
        if (denominator <= 0) {
            throw new IllegalArgumentException("a ratio needs a positive denominator");
        }
    }

    /** The ratio, or null when there is nothing to divide by: an absent measure, never 0. */
    public static Ratio of(long numerator, long denominator) {
        return denominator <= 0 ? null : new Ratio(numerator, denominator);
    }

    /** Compares with {@code threshold} exactly: numerator against threshold × denominator. */
    public int compareTo(BigDecimal threshold) {
        return BigDecimal.valueOf(numerator).compareTo(threshold.multiply(BigDecimal.valueOf(denominator)));
    }

    public BigDecimal rounded(int scale) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }

    /** For display: {@code scale} decimal places, or null for an absent ratio. */
    public static Double display(Ratio ratio, int scale) {
        return ratio == null ? null : ratio.rounded(scale).doubleValue();
    }
}
