package org.saferkent.partnership.dhr.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A recommendation's action, tracked until done. */
public enum RecommendationStatus {
    OPEN, IN_PROGRESS, DONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RecommendationStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
