package org.saferkent.commissioning.performance.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.saferkent.commissioning.performance.domain.ContractPerformance;
import org.saferkent.commissioning.performance.domain.ContractTerms;
import org.saferkent.commissioning.performance.domain.DistrictFacts;
import org.saferkent.commissioning.performance.domain.PathwayScope;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;
import org.saferkent.platform.workingdays.Quarter;

/** Every covering contract's snapshot for some quarters of one district. */
final class PerformanceCells {

    private PerformanceCells() {
    }

    static List<PerformanceSnapshot> compute(Collection<ContractTerms> contracts, String district,
            Collection<Quarter> quarters, DistrictFacts facts, PathwayScope scope) {
        List<PerformanceSnapshot> snapshots = new ArrayList<>();
        for (Quarter quarter : quarters) {
            for (ContractTerms contract : contracts) {
                if (contract.covers(district, quarter)) {
                    snapshots.add(ContractPerformance.of(contract, district, quarter, facts, scope));
                }
            }
        }
        return snapshots;
    }
}
