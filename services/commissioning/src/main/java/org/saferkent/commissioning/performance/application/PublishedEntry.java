package org.saferkent.commissioning.performance.application;

import org.saferkent.commissioning.performance.domain.PublishedSnapshot;

/**
 * One change in the PCC office's HTTP feed, or one cell as it stands: like {@link FeedEntry}, but the
 * performance as the PCC's office may see it ({@link PublishedSnapshot}, statistical disclosure control).
 * {@code district} {@code kent}: the contract's Kent total for the quarter, numbered with the latest change of
 * its districts. {@code removed}: the contract no longer covers the cell (for {@code kent}: no district is left),
 * and {@code performance} is null.
 */
public record PublishedEntry(long sequence, String key, String contractId, String district, String quarter, boolean removed,
        PublishedSnapshot performance) {
}
