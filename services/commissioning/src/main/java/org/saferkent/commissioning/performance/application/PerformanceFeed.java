package org.saferkent.commissioning.performance.application;

import java.util.List;

import org.saferkent.commissioning.activity.application.ProjectionVersions;

/** What the PCC's office reads: the cells as they stand, and the changes after a cursor. */
public class PerformanceFeed {

    /** @param next the cursor to ask with next time; @param more whether more changes wait after it */
    public record Page(List<FeedEntry> items, long next, boolean more) {
    }

    private final PerformanceStore store;
    private final ProjectionVersions versions;

    PerformanceFeed(PerformanceStore store, ProjectionVersions versions) {
        this.store = store;
        this.versions = versions;
    }

    /**
     * A tag that changes whenever a change is numbered (or the projection is swapped): equal tags for
     * the same cursor mean the same answer.
     */
    public String etag(long after, int limit) {
        int version = versions.current();
        return "\"v" + version + "-" + after + "-" + limit + "-" + store.highestSequence(version) + "\"";
    }

    /** The changes numbered after {@code after}, in order, each cell at most once (its latest change). */
    public Page after(long after, int limit) {
        List<FeedEntry> entries = store.after(versions.current(), after, limit + 1);
        boolean more = entries.size() > limit;
        List<FeedEntry> items = more ? entries.subList(0, limit) : entries;
        return new Page(List.copyOf(items), items.isEmpty() ? after : items.get(items.size() - 1).sequence(), more);
    }

    /** The cells as they stand; null filters do not filter. */
    public List<FeedEntry> current(String contractId, String district, String quarter) {
        return store.current(versions.current(), contractId, district, quarter);
    }
}
