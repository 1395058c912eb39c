package org.saferkent.commissioning.performance.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.saferkent.commissioning.performance.domain.ContractPerformance;
import org.saferkent.commissioning.performance.domain.ContractTerms;
import org.saferkent.commissioning.performance.domain.DayCounts;
import org.saferkent.commissioning.performance.domain.PathwayScope;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;
import org.saferkent.platform.workingdays.Quarter;

/** Every covering contract's snapshot for some quarters of one district, from the district's day buckets. */
final class PerformanceCells {

    private PerformanceCells() {
    }

    static List<PerformanceSnapshot> compute(Collection<ContractTerms> contracts, String district,
            Collection<Quarter> quarters, Map<LocalDate, DayCounts> days, PathwayScope scope) {
        List<PerformanceSnapshot> snapshots = new ArrayList<>();
        for (Quarter quarter : quarters) {
            for (ContractTerms contract : contracts) {
                if (contract.covers(district, quarter)) {
                    snapshots.add(ContractPerformance.of(contract, district, quarter, days, scope));
                }
            }
        }
        return snapshots;
    }
}
