package org.saferkent.referrals.referral.domain;

import java.util.Arrays;
import java.util.Optional;

/** Where a referral can be sent. Four are delivered by partner teams outside SaferKent, who answer in their inbox (inbox package). */
public enum Pathway {
    VICTIM_SUPPORT("victim-support"),
    DOMESTIC_ABUSE("domestic-abuse"),
    RESTORATIVE_JUSTICE("restorative-justice"),
    YOUTH_PREVENTION("youth-prevention"),
    SUBSTANCE_MISUSE("substance-misuse"),
    ASB_CASE("asb-case"),
    TROUBLED_FAMILIES("troubled-families");

    private final String code;

    Pathway(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Pathway> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
