package org.saferkent.commissioning.contract.domain;

/** A change the contract's own rules refuse, naming the field of the request that breaks them. */
public class ContractRuleViolation extends RuntimeException {

    private final String field;

    public ContractRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
