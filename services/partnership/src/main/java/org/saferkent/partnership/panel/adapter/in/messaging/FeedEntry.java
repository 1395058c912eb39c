package org.saferkent.partnership.panel.adapter.in.messaging;

import java.util.Map;

/**
 * What the Panel's view reads of {@code commissioning.PerformanceSnapshot.v1} on the compacted {@code commissioning.feed}
 * (tolerant: other fields ignored): a contract's counts in one district and quarter, the latest by {@code sequence}.
 */
public record FeedEntry(Long sequence, String key, String contractId, String district, String quarter, Boolean removed,
        Performance performance) {

    public record Performance(String service, Map<String, Integer> counts) {
    }
}
