package org.saferkent.referrals.inbox.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a pathway's work with the person ended: a fixed vocabulary (it travels on the bus as
 * {@code ReferralClosed.outcome}), in the spirit of the victims' and restorative justice services' closure reasons.
 */
public enum CloseOutcome {
    COMPLETED("completed"),
    PARTLY_COMPLETED("partly-completed"),
    DISENGAGED("disengaged"),
    DECLINED_SUPPORT("declined-support"),
    UNABLE_TO_CONTACT("unable-to-contact"),
    MOVED_AWAY("moved-away"),
    TRANSFERRED("transferred"),
    OTHER("other");

    private final String code;

    CloseOutcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<CloseOutcome> fromCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(CloseOutcome::code).toList();
    }
}
