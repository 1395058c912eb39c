package org.saferkent.platform.embeddedstore;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Every query the embedded store answered by reading a whole collection, counted by collection and query
 * shape (field names and operators, never a value: queries carry personal data). A service's steady-state
 * work should add nothing here: each of its queries names an index it declares. The first scan of each
 * shape is logged (INFO, so it is in the store's log file, not on the console: start-up back-fills of
 * fields an index cannot find the absence of scan once, as they would on MongoDB).
 */
public final class CollectionScans {

    private static final Logger log = LoggerFactory.getLogger(CollectionScans.class);
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private CollectionScans() {
    }

    static void record(String collection, Document query) {
        if (collection.contains(".system.")) {
            return; // the server's own bookkeeping (index and namespace lists)
        }
        String key = collection + " " + shape(query);
        LongAdder count = COUNTS.get(key);
        if (count == null) {
            count = COUNTS.computeIfAbsent(key, k -> new LongAdder());
            if (count.sum() == 0) {
                log.info("collection scan (no index serves the query): {}", key);
            }
        }
        count.increment();
    }

    /** Scans so far, by "database.collection {query shape}", sorted. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        COUNTS.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    /** Scans since {@code before} (a {@link #snapshot()}), only the shapes that grew. */
    public static Map<String, Long> since(Map<String, Long> before) {
        Map<String, Long> grown = new TreeMap<>();
        snapshot().forEach((key, count) -> {
            long delta = count - before.getOrDefault(key, 0L);
            if (delta > 0) {
                grown.put(key, delta);
            }
        });
        return grown;
    }

    /**
     * A query's field names and operators, with every value replaced by {@code ?}: safe to log and to
     * compare, whichever document class holds the query (the server's or the driver's).
     */
    public static String shape(Object query) {
        if (query instanceof java.util.Map<?, ?> doc) {
            StringBuilder out = new StringBuilder("{");
            doc.forEach((key, value) -> {
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append(key).append(": ").append(shape(value));
            });
            return out.append('}').toString();
        }
        if (query instanceof java.util.Collection<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : list) {
                if (item instanceof java.util.Map<?, ?>) {
                    if (out.length() > 1) {
                        out.append(", ");
                    }
                    out.append(shape(item));
                }
            }
            return out.length() == 1 ? "[?]" : out.append(']').toString();
        }
        return "?";
    }
}
