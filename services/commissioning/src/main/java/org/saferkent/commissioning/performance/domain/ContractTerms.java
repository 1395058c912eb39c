package org.saferkent.commissioning.performance.domain;

import org.saferkent.platform.workingdays.Quarter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What performance needs of a commissioned service: what it covers (pathways, districts, period, up
 * to its end if it ended early), what it costs and its targets.
 *
 * @param periodStart first day of the contract
 * @param periodEnd   last day as agreed (varied), over which the value is spread
 * @param endedOn     last day when the contract ended early, else null
 * @param valuePence  the contract's value over its whole agreed period
 * @param districtShares each district's share of the value (summing to 1, or to 100 as percentages);
 *                    empty: the districts share it equally
 */
public record ContractTerms(String contractId, String provider, String service, Set<String> pathways,
        Set<String> districts, LocalDate periodStart, LocalDate periodEnd, LocalDate endedOn, long valuePence,
        List<Target> targets, Map<String, BigDecimal> districtShares) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public ContractTerms {
        pathways = Set.copyOf(pathways);
        districts = Set.copyOf(districts);
        targets = List.copyOf(targets);
        districtShares = districtShares == null ? Map.of() : Map.copyOf(districtShares);
        if (!districtShares.isEmpty()) {
            if (!districtShares.keySet().equals(districts)) {
                throw new IllegalArgumentException("districtShares must name each of the contract's districts, and only those");
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (BigDecimal share : districtShares.values()) {
                if (share.signum() < 0) {
                    throw new IllegalArgumentException("districtShares must not be negative");
                }
                sum = sum.add(share);
            }
            if (sum.compareTo(BigDecimal.ONE) != 0 && sum.compareTo(HUNDRED) != 0) {
                throw new IllegalArgumentException("districtShares must sum to 1 (or 100 as percentages), not " + sum.toPlainString());
            }
        }
    }

    /** A contract whose districts share its value equally. */
    public ContractTerms(String contractId, String provider, String service, Set<String> pathways, Set<String> districts,
            LocalDate periodStart, LocalDate periodEnd, LocalDate endedOn, long valuePence, List<Target> targets) {
        this(contractId, provider, service, pathways, districts, periodStart, periodEnd, endedOn, valuePence, targets, Map.of());
    }

    /** The weight of {@code district} in the value (any scale: the parts are divided by their sum). */
    public BigDecimal weightOf(String district) {
        if (!districts.contains(district)) {
            return BigDecimal.ZERO;
        }
        return districtShares.isEmpty() ? BigDecimal.ONE : districtShares.get(district);
    }

    /** The last day the contract covers. */
    public LocalDate coveredUntil() {
        return endedOn != null && endedOn.isBefore(periodEnd) ? endedOn : periodEnd;
    }

    public List<Quarter> quarters() {
        return coveredUntil().isBefore(periodStart) ? List.of() : Quarter.between(periodStart, coveredUntil());
    }

    public boolean covers(String district, Quarter quarter) {
        return districts.contains(district) && !quarter.lastDay().isBefore(periodStart)
                && !quarter.firstDay().isAfter(coveredUntil());
    }

    /** The days of {@code quarter} the contract covers: {from, to}. */
    public LocalDate[] window(Quarter quarter) {
        LocalDate from = quarter.firstDay().isBefore(periodStart) ? periodStart : quarter.firstDay();
        LocalDate to = quarter.lastDay().isAfter(coveredUntil()) ? coveredUntil() : quarter.lastDay();
        return new LocalDate[] {from, to};
    }
}
