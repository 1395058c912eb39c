package org.saferkent.referrals.inbox.application;

/** An answer the pathway's state does not allow (closing what was never accepted, accepting what was declined). */
public class InboxRuleViolation extends RuntimeException {

    private final String rule;

    public InboxRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
