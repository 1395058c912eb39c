package org.saferkent.commissioning.contract.adapter.in.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * A commissioned service to register. The value is GBP: {@code value} as a decimal (at most two
 * places) or {@code valuePence} as a whole number, not both.
 */
record RegistrationRequest(String provider, String service, List<String> pathways, List<String> districts,
        PeriodRequest period, BigDecimal value, Long valuePence, List<TargetRequest> targets) {
}
