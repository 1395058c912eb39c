package org.saferkent.commissioning.contract.domain;

import java.util.List;

/** A contract's new state and the events that say what changed. */
public record ContractChange(Contract contract, List<Object> events) {

    public ContractChange {
        events = List.copyOf(events);
    }
}
