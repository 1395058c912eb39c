package org.saferkent.commissioning.performance.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A contract's performance in one district and quarter: aggregates only, never a person, a pseudonym
 * or a case. {@code coveredFrom..coveredTo}: the days of the quarter the contract covers.
 */
public record PerformanceSnapshot(String contractId, String provider, String service, String district,
        String quarter, String financialYearQuarter, LocalDate coveredFrom, LocalDate coveredTo,
        PerformanceCounts counts, PerformanceMeasures measures, List<TargetStatus> targets) {

    public PerformanceSnapshot {
        targets = List.copyOf(targets);
    }

    /** {@code <contractId>|<district>|<quarter>}: the feed's key, so compaction keeps the latest. */
    public static String key(String contractId, String district, String quarter) {
        return contractId + "|" + district + "|" + quarter;
    }

    public String key() {
        return key(contractId, district, quarter);
    }
}
