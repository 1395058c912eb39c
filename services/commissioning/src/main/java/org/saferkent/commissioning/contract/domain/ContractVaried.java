package org.saferkent.commissioning.contract.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.saferkent.platform.events.EventType;

/**
 * The contract's terms were varied; a term left unchanged is null. {@code variation} numbers the
 * variations of the contract from 1.
 */
@EventType("commissioning.ContractVaried.v1")
public record ContractVaried(String contractId, int variation, BigDecimal value, Long valuePence, List<String> districts,
        LocalDate periodEnd, List<TargetTerms> targets, String reason, Instant variedAt, Map<String, BigDecimal> districtShares) {
}
