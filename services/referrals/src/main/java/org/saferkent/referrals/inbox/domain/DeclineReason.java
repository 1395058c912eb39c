package org.saferkent.referrals.inbox.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Why a pathway's team declined a referral: a fixed vocabulary, because the reason travels on the bus
 * ({@code ReferralDeclined.reason}) and into commissioning, where free text could carry personal details.
 */
public enum DeclineReason {
    DOES_NOT_MEET_CRITERIA("does-not-meet-criteria"),
    ALREADY_SUPPORTED("already-supported"),
    CONSENT_NOT_GIVEN("consent-not-given"),
    OUT_OF_AREA("out-of-area"),
    NO_CAPACITY("no-capacity"),
    UNABLE_TO_CONTACT("unable-to-contact"),
    OTHER("other");

    private final String code;

    DeclineReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<DeclineReason> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(DeclineReason::code).toList();
    }
}
