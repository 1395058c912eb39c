package org.saferkent.commissioning.performance.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.saferkent.commissioning.activity.application.ProjectionVersions;
import org.saferkent.commissioning.performance.domain.PccDisclosure;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;
import org.saferkent.commissioning.performance.domain.PublishedSnapshot;

/**
 * What the PCC's office reads: the cells as they stand, and the changes after a cursor, each as the
 * {@code pcc-office} audience may see it ({@link PccDisclosure}): counts from 1 to 4 suppressed, and the
 * figures that would reveal them, in the table one contract × quarter makes of its districts and their Kent
 * total. The exact figures stay in the store, on the exact feed topic (read inside the partnership) and in the MoJ
 * return ({@link #exact}); the office's own Kafka topic carries the same published entries ({@link SnapshotPublisher}).
 */
public class PerformanceFeed {

    /** @param next the cursor to ask with next time; @param more whether more changes wait after it */
    public record Page(List<PublishedEntry> items, long next, boolean more) {
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

    /**
     * The changes numbered after {@code after}, in order, each cell at most once (its latest change), at most
     * {@code limit} of them. A change that is the latest of its contract × quarter is followed by that
     * contract's Kent total for the quarter, with the same number (it travels with the change, so a page may
     * hold more than {@code limit} entries).
     */
    public Page after(long after, int limit) {
        int version = versions.current();
        List<Document> docs = store.afterDocuments(version, after, limit + 1);
        boolean more = docs.size() > limit;
        List<Document> page = more ? docs.subList(0, limit) : docs;
        Set<String> groups = new LinkedHashSet<>();
        page.forEach(doc -> groups.add(PerformanceStore.group(doc.getString("_id"))));
        List<Document> members = store.groups(version, groups);
        Map<String, PublishedSnapshot> forms = store.published(members);
        Map<String, Long> latest = latestByGroup(members, store.visible());
        List<PublishedEntry> items = new ArrayList<>();
        for (Document doc : page) {
            items.add(entry(doc, forms));
            String group = PerformanceStore.group(doc.getString("_id"));
            if (latest.getOrDefault(group, -1L) == sequence(doc)) {
                items.add(kent(doc, sequence(doc), forms));
            }
        }
        return new Page(List.copyOf(items), page.isEmpty() ? after : sequence(page.get(page.size() - 1)), more);
    }

    /**
     * The cells as they stand as the PCC's office may see them; null filters do not filter. Without a district
     * filter, each contract × quarter's Kent total follows its districts.
     */
    public List<PublishedEntry> current(String contractId, String district, String quarter) {
        int version = versions.current();
        List<Document> docs = store.currentDocuments(version, contractId, quarter, true);
        Map<String, PublishedSnapshot> forms = store.published(docs);
        Map<String, Long> latest = new LinkedHashMap<>();
        Map<String, Document> last = new LinkedHashMap<>();
        List<PublishedEntry> items = new ArrayList<>();
        for (Document doc : docs) {
            String group = PerformanceStore.group(doc.getString("_id"));
            if (latest.merge(group, sequence(doc), Math::max) == sequence(doc)) {
                last.put(group, doc);
            }
            if (!Boolean.TRUE.equals(doc.getBoolean(PerformanceStore.REMOVED))
                    && (district == null || district.equals(doc.getString("district")))) {
                items.add(entry(doc, forms));
            }
        }
        if (district == null) {
            last.forEach((group, doc) -> {
                PublishedEntry kent = kent(doc, latest.get(group), forms);
                if (!kent.removed()) {
                    items.add(kent);
                }
            });
        }
        return items;
    }

    /** The cells as they stand, exact (the MoJ return: audience {@code moj-return}); null filters do not filter. */
    public List<FeedEntry> exact(String contractId, String district, String quarter) {
        return store.current(versions.current(), contractId, district, quarter);
    }

    /**
     * The latest change readers may see ({@code visible}) of each contract × quarter among these stored cells, by
     * {@code <contractId>|<quarter>}: the number its Kent total carries.
     */
    static Map<String, Long> latestByGroup(List<Document> members, long visible) {
        Map<String, Long> latest = new LinkedHashMap<>();
        members.forEach(doc -> {
            long sequence = sequence(doc);
            if (sequence <= visible) {
                latest.merge(PerformanceStore.group(doc.getString("_id")), sequence, Math::max);
            }
        });
        return latest;
    }

    /**
     * A stored cell's change as the PCC's office may see it: its published form among {@code forms}
     * ({@link PerformanceStore#published} of its contract × quarter), null when removed.
     */
    static PublishedEntry entry(Document doc, Map<String, PublishedSnapshot> forms) {
        boolean removed = Boolean.TRUE.equals(doc.getBoolean(PerformanceStore.REMOVED));
        return new PublishedEntry(sequence(doc), doc.getString("_id"), doc.getString("contractId"), doc.getString("district"),
                doc.getString("quarter"), removed, removed ? null : forms.get(doc.getString("_id")));
    }

    /**
     * The Kent total of the contract × quarter of {@code doc} (any of its cells), numbered {@code sequence} (the
     * group's latest change); removed when no district is left.
     */
    static PublishedEntry kent(Document doc, long sequence, Map<String, PublishedSnapshot> forms) {
        String key = PerformanceSnapshot.key(doc.getString("contractId"), PccDisclosure.KENT, doc.getString("quarter"));
        PublishedSnapshot form = forms.get(key);
        return new PublishedEntry(sequence, key, doc.getString("contractId"), PccDisclosure.KENT, doc.getString("quarter"),
                form == null, form);
    }

    static long sequence(Document doc) {
        return ((Number) doc.get(PerformanceStore.SEQUENCE)).longValue();
    }
}
