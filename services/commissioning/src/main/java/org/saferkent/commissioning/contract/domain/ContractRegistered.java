package org.saferkent.commissioning.contract.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.saferkent.platform.events.EventType;

/**
 * The PCC's office commissioned a service: provider and service (organisations, never people), the
 * pathways and districts it covers, its period, value (GBP, and in pence) and targets; {@code
 * districtShares}: each district's share of the value, null when they share it equally.
 */
@EventType("commissioning.ContractRegistered.v1")
public record ContractRegistered(String contractId, String provider, String service, List<String> pathways,
        List<String> districts, ContractPeriod period, BigDecimal value, long valuePence, List<TargetTerms> targets,
        Instant registeredAt, Map<String, BigDecimal> districtShares) {
}
