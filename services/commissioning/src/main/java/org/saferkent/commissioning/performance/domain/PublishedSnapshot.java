package org.saferkent.commissioning.performance.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link PerformanceSnapshot} as the PCC's office may see it (statistical disclosure control, audience
 * {@code pcc-office}): a count from 1 to 4 is suppressed (null), and so is any count, measure or target value
 * that would let one be worked out. {@code district} {@code kent} is the contract's Kent total for the quarter
 * (the sum of its districts; counts only). {@code suppressed}: the name of each suppressed count or measure
 * (as in {@code counts} and {@code measures}) and why, {@code primary} (the figure itself is too small) or
 * {@code secondary} (publishing it would reveal a small one).
 */
public record PublishedSnapshot(String contractId, String provider, String service, String district,
        String quarter, String financialYearQuarter, LocalDate coveredFrom, LocalDate coveredTo,
        PublishedCounts counts, PerformanceMeasures measures, List<TargetStatus> targets, Map<String, String> suppressed) {

    public PublishedSnapshot {
        targets = List.copyOf(targets);
        suppressed = Collections.unmodifiableMap(new TreeMap<>(suppressed)); // a stable order: equal forms print alike
    }
}
