package org.saferkent.commissioning.performance.application;

import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;

/**
 * One change in the PCC office's feed: the snapshot of a contract × district × quarter as it now is,
 * numbered by the feed's sequence. {@code removed}: the contract no longer covers the cell (a
 * variation took the district out, or it ended), and {@code performance} is null.
 */
public record FeedEntry(long sequence, String key, String contractId, String district, String quarter, boolean removed,
        PerformanceSnapshot performance) {
}
