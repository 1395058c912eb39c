package org.saferkent.partnership.dhr.domain;

/**
 * A review's rules refuse the request; nothing was changed. {@code rule} is a stable code, {@code field} names
 * what the refusal is about. {@link #invalid()} refusals are about the request's own content (answered 422); the
 * others about the order of the steps as things stand (409).
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final String field;
    private final boolean invalid;

    RuleViolation(String rule, String field, String message, boolean invalid) {
        super(message);
        this.rule = rule;
        this.field = field;
        this.invalid = invalid;
    }

    static RuleViolation invalid(String rule, String field, String message) {
        return new RuleViolation(rule, field, message, true);
    }

    static RuleViolation outOfOrder(String rule, String field, String message) {
        return new RuleViolation(rule, field, message, false);
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
