package org.saferkent.commissioning.contract.domain;

import java.time.Instant;
import java.util.List;

/**
 * One step in a contract's life, kept for good: {@code registered}, {@code varied} or {@code ended},
 * with the reason given and the terms it changed.
 */
public record ContractHistoryEntry(int number, String change, Instant at, String reason, List<TermChange> terms) {

    public ContractHistoryEntry {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }
}
