package org.saferkent.referrals.triage.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who the referred person is in the incident. */
public enum SubjectRole {
    VICTIM("victim"),
    OFFENDER("offender"),
    VULNERABLE_PERSON("vulnerable-person"),
    FAMILY("family");

    private final String code;

    SubjectRole(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Matches the kebab-case code whatever its case and surrounding space; empty for anything else. */
    public static Optional<SubjectRole> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.code.equals(wanted)).findFirst();
    }
}
