package org.saferkent.partnership.assessment.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.saferkent.platform.disclosure.PublishedCount;

/**
 * One published figure: a number, or suppressed (never both). A suppressed figure carries its reason ({@code primary}:
 * itself small enough to point at someone; {@code secondary}: it would reveal one that is) and no number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(Integer value, Boolean suppressed, String reason) {

    public static Figure of(PublishedCount count) {
        return count.isSuppressed() ? new Figure(null, true, count.suppression().name().toLowerCase(java.util.Locale.ROOT))
                : new Figure(count.value(), null, null);
    }

    public boolean isSuppressed() {
        return Boolean.TRUE.equals(suppressed);
    }
}
