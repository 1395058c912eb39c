package org.saferkent.commissioning.contract.application;

/** No contract has this id. */
public class ContractNotFoundException extends RuntimeException {

    public ContractNotFoundException(String id) {
        super("no contract " + id);
    }
}
