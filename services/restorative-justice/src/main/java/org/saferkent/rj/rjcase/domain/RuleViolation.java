package org.saferkent.rj.rjcase.domain;

/**
 * The case's rules refuse the request as things stand; nothing was changed. {@code rule} is a stable
 * code clients can act on (see {@link RjRules}); {@code field} names what the refusal is about.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final String field;

    public RuleViolation(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
