package org.saferkent.commissioning.performance.domain;

/** One target of the contract, the measured value (null when absent) and red/amber/green/no-data. */
public record TargetStatus(String measure, double target, double amberWithin, Double value, String status) {
}
