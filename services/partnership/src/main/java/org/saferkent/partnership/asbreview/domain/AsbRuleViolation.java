package org.saferkent.partnership.asbreview.domain;

/** The application's rules refuse the request; nothing was changed. {@code invalid}: 422, else 409. */
public class AsbRuleViolation extends RuntimeException {

    private final String rule;
    private final String field;
    private final boolean invalid;

    AsbRuleViolation(String rule, String field, String message, boolean invalid) {
        super(message);
        this.rule = rule;
        this.field = field;
        this.invalid = invalid;
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
