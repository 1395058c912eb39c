package org.saferkent.partnership.agreement.domain;

/**
 * The agreement's rules refuse the request; nothing was changed. {@link #invalid()} refusals are about the request's
 * own content (422); the others about the agreement as it stands (409). {@code field} names what it is about.
 */
public class AgreementRuleViolation extends RuntimeException {

    private final String rule;
    private final String field;
    private final boolean invalid;

    AgreementRuleViolation(String rule, String field, String message, boolean invalid) {
        super(message);
        this.rule = rule;
        this.field = field;
        this.invalid = invalid;
    }

    static AgreementRuleViolation invalid(String rule, String field, String message) {
        return new AgreementRuleViolation(rule, field, message, true);
    }

    public static AgreementRuleViolation conflict(String rule, String field, String message) {
        return new AgreementRuleViolation(rule, field, message, false);
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public boolean invalid() {
        return invalid;
    }
}
