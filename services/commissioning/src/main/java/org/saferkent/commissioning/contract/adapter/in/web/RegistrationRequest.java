package org.saferkent.commissioning.contract.adapter.in.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A commissioned service to register. The value is GBP: {@code value} as a decimal (at most two
 * places) or {@code valuePence} as a whole number, not both. {@code districtShares}, optional: each
 * district's share of the value (summing to 1, or 100 as percentages); without it the districts share
 * it equally.
 */
record RegistrationRequest(String provider, String service, List<String> pathways, List<String> districts,
        PeriodRequest period, BigDecimal value, Long valuePence, List<TargetRequest> targets, Map<String, BigDecimal> districtShares) {
}
