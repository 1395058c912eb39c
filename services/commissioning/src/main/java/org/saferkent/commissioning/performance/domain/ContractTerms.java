package org.saferkent.commissioning.performance.domain;

import org.saferkent.platform.workingdays.Quarter;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What performance needs of a commissioned service: what it covers (pathways, districts, period, up
 * to its end if it ended early), what it costs and its targets.
 *
 * @param periodStart first day of the contract
 * @param periodEnd   last day as agreed (varied), over which the value is spread
 * @param endedOn     last day when the contract ended early, else null
 * @param valuePence  the contract's value over its whole agreed period
 */
public record ContractTerms(String contractId, String provider, String service, Set<String> pathways,
        Set<String> districts, LocalDate periodStart, LocalDate periodEnd, LocalDate endedOn, long valuePence,
        List<Target> targets) {

    public ContractTerms {
        pathways = Set.copyOf(pathways);
        districts = Set.copyOf(districts);
        targets = List.copyOf(targets);
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
