package org.saferkent.platform.disclosure;

/**
 * How one audience may see counts.
 *
 * @param minimumPublishable the smallest non-zero count that is published: with 5, counts from 1 to 4 are
 *                           suppressed (primary suppression); 0 or 1 suppresses nothing
 * @param suppressZero       whether a count of 0 is suppressed too (by default a 0 is published as 0)
 * @param roundingBase       published counts and totals are rounded to the nearest multiple of this
 *                           (halves up); 1 publishes them exactly
 * @param secondary          whether complementary cells are suppressed so that no suppressed count can
 *                           be worked out from the published cells and totals (secondary suppression)
 */
public record DisclosureRule(int minimumPublishable, boolean suppressZero, int roundingBase, boolean secondary) {

    /** Exact figures: nothing suppressed, nothing rounded (the MoJ return). */
    public static final DisclosureRule EXACT = new DisclosureRule(0, false, 1, false);

    /** Counts from 1 to 4 suppressed, with secondary suppression, exact otherwise. */
    public static final DisclosureRule SUPPRESS_UNDER_FIVE = new DisclosureRule(5, false, 1, true);

    /** {@link #SUPPRESS_UNDER_FIVE}, and every published figure rounded to the nearest 5. */
    public static final DisclosureRule SUPPRESS_UNDER_FIVE_ROUNDED_TO_FIVE = new DisclosureRule(5, false, 5, true);

    public DisclosureRule {
        if (minimumPublishable < 0) {
            throw new IllegalArgumentException("minimumPublishable must be 0 or more, was " + minimumPublishable);
        }
        if (roundingBase < 1) {
            throw new IllegalArgumentException("roundingBase must be 1 (no rounding) or more, was " + roundingBase);
        }
    }

    /** Whether this count must not be published, whatever the rest of its table says. */
    public boolean isPrimarySuppressed(int count) {
        return count == 0 ? suppressZero : count < minimumPublishable;
    }

    /** The count as published: rounded to the nearest multiple of {@link #roundingBase()}, halves up. */
    public int round(int count) {
        if (roundingBase == 1) {
            return count;
        }
        return Math.toIntExact(Math.floorDiv(count + (long) (roundingBase / 2), roundingBase) * (long) roundingBase);
    }

    /** Whether this rule changes any figure at all. */
    public boolean isExact() {
        return minimumPublishable <= 1 && !suppressZero && roundingBase == 1;
    }
}
