package org.saferkent.commissioning.contract.domain;

import java.time.LocalDate;

/** First and last day of a contract, both included. */
public record ContractPeriod(LocalDate start, LocalDate end) {
}
