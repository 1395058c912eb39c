package org.saferkent.referrals.triage.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * @param sameCategoryWindow how far apart (either way, inclusive) two agencies' referrals of the same subject
 *                           and category may arrive and still be one incident
 */
public record DuplicateRules(Duration sameCategoryWindow) {

    public DuplicateRules {
        Objects.requireNonNull(sameCategoryWindow, "sameCategoryWindow");
        if (sameCategoryWindow.isNegative()) {
            throw new IllegalArgumentException("the same-category window must not be negative");
        }
    }

    public static DuplicateRules defaults() {
        return new DuplicateRules(Duration.ofDays(7));
    }
}
