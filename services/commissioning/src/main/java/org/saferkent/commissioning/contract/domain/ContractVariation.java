package org.saferkent.commissioning.contract.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What a variation changes; null leaves a term as it is. */
public record ContractVariation(Long valuePence, List<String> districts, LocalDate periodEnd, List<TargetTerms> targets,
        String reason, Map<String, BigDecimal> districtShares) {

    public ContractVariation(Long valuePence, List<String> districts, LocalDate periodEnd, List<TargetTerms> targets, String reason) {
        this(valuePence, districts, periodEnd, targets, reason, null);
    }
}
