package org.saferkent.platform.disclosure;

/**
 * One figure as an audience sees it: either a number ({@code value}, rounded if the rule rounds) or
 * suppressed, with the reason. Exactly one of the two is set.
 *
 * @param value       the published count, {@code null} when suppressed
 * @param suppression why the count is not published, {@code null} when it is
 */
public record PublishedCount(Integer value, Suppression suppression) {

    public PublishedCount {
        if ((value == null) == (suppression == null)) {
            throw new IllegalArgumentException("a published count is either a value or suppressed, not both or neither");
        }
    }

    public static PublishedCount of(int value) {
        return new PublishedCount(value, null);
    }

    public static PublishedCount suppressed(Suppression reason) {
        return new PublishedCount(null, reason);
    }

    public boolean isSuppressed() {
        return suppression != null;
    }

    /** The figure as printed: the number, or {@code *} when suppressed. */
    @Override
    public String toString() {
        return isSuppressed() ? "*" : value.toString();
    }
}
