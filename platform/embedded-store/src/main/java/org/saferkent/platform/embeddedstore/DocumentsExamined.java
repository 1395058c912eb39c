package org.saferkent.platform.embeddedstore;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.bson.Document;

/**
 * How many documents an index handed to queries to be matched, by collection and query shape (as
 * {@link CollectionScans}, never a value), as MongoDB's {@code docsExamined}. No collection scan proves an
 * index served a query, not that it was the narrowest one: a window on {@code (status, closedAt)} served by
 * an index on {@code status} alone reads every closed case. A test shows the narrow one was used by what
 * its query examined.
 */
public final class DocumentsExamined {

    /** Per shape: queries an index served, and the documents it handed them. */
    private record Count(LongAdder queries, LongAdder examined) {
    }

    /** What queries of one shape examined: how many ran, and the documents handed to them in all. */
    public record Examined(long queries, long documents) {
    }

    private static final Map<String, Count> COUNTS = new ConcurrentHashMap<>();
    /**
     * Counting starts with the first {@link #snapshot()} (a test's mark): until someone asks, an indexed query
     * pays nothing for it (no shape built, no map touched) - every query of the running stack goes through here.
     */
    private static volatile boolean counting;

    private DocumentsExamined() {
    }

    static void record(String collection, Document query, long examined) {
        if (!counting || collection.contains(".system.")) {
            return; // nobody asked yet; or the server's own bookkeeping, as CollectionScans leaves it out
        }
        Count count = COUNTS.computeIfAbsent(collection + " " + CollectionScans.shape(query), k -> new Count(new LongAdder(), new LongAdder()));
        count.queries().increment();
        count.examined().add(examined);
    }

    /** So far, by "database.collection {query shape}", sorted; starts the counting. */
    public static Map<String, Examined> snapshot() {
        counting = true;
        Map<String, Examined> copy = new TreeMap<>();
        COUNTS.forEach((key, count) -> copy.put(key, new Examined(count.queries().sum(), count.examined().sum())));
        return copy;
    }

    /** Since {@code before} (a {@link #snapshot()}): each shape an index served since, with what its queries examined. */
    public static Map<String, Examined> since(Map<String, Examined> before) {
        Map<String, Examined> grown = new TreeMap<>();
        snapshot().forEach((key, now) -> {
            Examined earlier = before.getOrDefault(key, new Examined(0, 0));
            if (now.queries() > earlier.queries()) {
                grown.put(key, new Examined(now.queries() - earlier.queries(), now.documents() - earlier.documents()));
            }
        });
        return grown;
    }
}
