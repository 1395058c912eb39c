package org.saferkent.commissioning.contract.domain;

/** The contract has ended: it can no longer be varied or ended again. */
public class ContractEndedException extends RuntimeException {

    public ContractEndedException(String contractId) {
        super("contract " + contractId + " has ended");
    }
}
