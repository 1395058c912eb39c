package org.saferkent.platform.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rate (numerator / denominator) as an audience sees it. It is computed from the <em>published</em>
 * counts only: a rate from the exact counts beside rounded ones would give the exact counts away, and a
 * rate over a suppressed count would give that count away, so it is suppressed too.
 *
 * @param value       the proportion (0.25 for 25%); {@code null} when suppressed or when the denominator is 0
 * @param suppression why the rate is not published: the reason of the suppressed count it comes from
 *                    ({@link Suppression#PRIMARY} if either count is primary-suppressed); {@code null} when
 *                    it is published or undefined
 */
public record PublishedRate(Double value, Suppression suppression) {

    public PublishedRate {
        if (value != null && suppression != null) {
            throw new IllegalArgumentException("a published rate is either a value or suppressed, not both");
        }
    }

    /** The rate of two published counts: suppressed if either is, undefined (no value) over a published 0. */
    public static PublishedRate of(PublishedCount numerator, PublishedCount denominator) {
        if (numerator.isSuppressed() || denominator.isSuppressed()) {
            boolean primary = numerator.suppression() == Suppression.PRIMARY
                    || denominator.suppression() == Suppression.PRIMARY;
            return new PublishedRate(null, primary ? Suppression.PRIMARY : Suppression.SECONDARY);
        }
        if (denominator.value() == 0) {
            return new PublishedRate(null, null);
        }
        return new PublishedRate(numerator.value() / (double) denominator.value(), null);
    }

    public boolean isSuppressed() {
        return suppression != null;
    }

    /** Whether there is a number to show: not suppressed, and not over a denominator of 0. */
    public boolean isPublished() {
        return value != null;
    }

    /** The rate as a percentage rounded to {@code decimals} places (halves up), or {@code null} if not published. */
    public Double percent(int decimals) {
        if (value == null) {
            return null;
        }
        return BigDecimal.valueOf(value * 100).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** The rate as printed: a percentage to one place, {@code *} when suppressed, {@code -} over 0. */
    @Override
    public String toString() {
        return isSuppressed() ? "*" : value == null ? "-" : percent(1) + "%";
    }
}
