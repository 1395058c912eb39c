package org.saferkent.partnership.agreement.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an action of the county action plan stands: {@code planned}, {@code on-track}, {@code at-risk}, {@code done}. */
public enum ActionStatus {
    PLANNED, ON_TRACK, AT_RISK, DONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ActionStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
