package org.saferkent.commissioning.contract.adapter.in.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A variation: the terms to change (value or valuePence, districts, period.end, targets; the rest
 * stays) and why. Targets, when given, replace the contract's targets; districtShares, the shares
 * (required with new districts when the contract has shares).
 */
record VariationRequest(BigDecimal value, Long valuePence, List<String> districts, PeriodRequest period,
        List<TargetRequest> targets, String reason, Map<String, BigDecimal> districtShares) {
}
