package org.saferkent.platform.embeddedstore;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Where a {@link SecondaryIndex} keeps its entries: key values in BSON order ({@link SecondaryIndex#KEY_ORDER}),
 * each with the documents (by {@code _id}) holding them, and each document's position in its collection.
 */
interface IndexEntries<P> {

    /** Records that the document {@code id} at {@code position} holds {@code key}. */
    void put(KeyValue key, Object id, P position);

    /** Forgets that the document {@code id} holds {@code key}; its position, or null if it was not recorded. */
    P remove(KeyValue key, Object id);

    /** Adds the positions of the documents holding a key from {@code from} to {@code to} (both included). */
    void collect(KeyValue from, KeyValue to, Collection<P> into);

    /** Every (key, position) in key order, or the reverse. */
    Iterable<Map.Entry<KeyValue, P>> inOrder(boolean descending);

    /** How many (key, document) pairs are recorded. */
    long size();

    /** Whether the entries must be filled from the collection before they can answer. */
    boolean needsFilling();

    /** Filled from the collection: answers from now on. */
    void markFilled();

    void clear();

    /** The index is dropped. */
    void drop();

    /**
     * For filling the (cleared) entries from a whole collection: {@link Loader#add} each entry, in any order, then
     * {@link Loader#finish}. {@code budget} is shared by the loaders of one build: what they hold in memory together.
     */
    default Loader<P> loader(LoadBudget budget) {
        return new Loader<>() {
            @Override
            public void add(KeyValue key, Object id, P position) {
                put(key, id, position);
            }

            @Override
            public void finish() {
            }
        };
    }

    interface Loader<P> {
        void add(KeyValue key, Object id, P position);

        /** Every entry added is in the index. */
        void finish();
    }

    /**
     * How many entries the loaders of one build may hold in memory together; past it, each writes what it holds
     * to the file as a sorted run.
     */
    final class LoadBudget {
        private final int entries;
        private final List<Runnable> spills = new ArrayList<>();
        private int held;

        LoadBudget(int entries) {
            this.entries = entries;
        }

        void register(Runnable spill) {
            spills.add(spill);
        }

        /** One entry more is held; past the budget every loader spills. */
        void added() {
            if (++held >= entries) {
                spills.forEach(Runnable::run);
                held = 0;
            }
        }
    }

    /** In memory (the memory backend): rebuilt by the server from the collection whenever it is opened. */
    final class InMemory<P> implements IndexEntries<P> {

        private final NavigableMap<KeyValue, Map<Object, P>> entries = new TreeMap<>(SecondaryIndex.KEY_ORDER);
        private long size;

        @Override
        public void put(KeyValue key, Object id, P position) {
            if (entries.computeIfAbsent(key, k -> new HashMap<>(2)).put(id, position) == null) {
                size++;
            }
        }

        @Override
        public P remove(KeyValue key, Object id) {
            Map<Object, P> holders = entries.get(key);
            if (holders == null) {
                return null;
            }
            P removed = holders.remove(id);
            if (removed != null) {
                size--;
            }
            if (holders.isEmpty()) {
                entries.remove(key);
            }
            return removed;
        }

        @Override
        public void collect(KeyValue from, KeyValue to, Collection<P> into) {
            if (SecondaryIndex.KEY_ORDER.compare(from, to) == 0) {
                Map<Object, P> holders = entries.get(from);
                if (holders != null) {
                    into.addAll(holders.values());
                }
                return;
            }
            for (Map<Object, P> holders : entries.subMap(from, true, to, true).values()) {
                into.addAll(holders.values());
            }
        }

        @Override
        public Iterable<Map.Entry<KeyValue, P>> inOrder(boolean descending) {
            NavigableMap<KeyValue, Map<Object, P>> ordered = descending ? entries.descendingMap() : entries;
            return () -> ordered.entrySet().stream()
                    .flatMap(entry -> entry.getValue().values().stream().map(position -> Map.entry(entry.getKey(), position)))
                    .iterator();
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public boolean needsFilling() {
            return entries.isEmpty();
        }

        @Override
        public void markFilled() {
        }

        @Override
        public void clear() {
            entries.clear();
            size = 0;
        }

        @Override
        public void drop() {
            clear();
        }
    }

    /**
     * In the H2 file, beside the collection's documents: one B-tree whose keys are the indexed values
     * followed by the document's {@code _id}, each with the document's position. Changed with the documents
     * and written by the same commits, so an opened file has its indexes at once: nothing held in memory and
     * nothing rebuilt, whatever the collection holds. A commit can catch a write half done (the document
     * changed, its index entries not yet), so after a process died without closing the store every index
     * is built again from the documents when the file is opened ({@link EmbeddedBackends}), in key order
     * ({@link #loader}); a built index is recorded in {@link #BUILT}.
     */
    final class InFile<P> implements IndexEntries<P> {

        /** The map recording which indexes are built: map name → 1. */
        static final String BUILT = "saferkent.secondaryIndexesBuilt";

        private final MVStore store;
        private final String name;
        private final MVMap<KeyValue, KeyValue> entries;
        private final MVMap<String, Integer> built;

        InFile(MVStore store, String name) {
            this.store = store;
            this.name = name;
            this.entries = openEntries(store, name);
            this.built = store.openMap(BUILT);
        }

        /** A map of entries (an index's, or a build's sorted run): entry keys, each with its document's position. */
        private static MVMap<KeyValue, KeyValue> openEntries(MVStore store, String name) {
            return store.openMap(name, new MVMap.Builder<KeyValue, KeyValue>().keyType(new EntryKeyType()).valueType(new UniqueKeyType()));
        }

        private static KeyValue positionValue(Object position) {
            return new KeyValue(Collections.singletonList(position));
        }

        private static KeyValue entryKey(KeyValue key, Object id) {
            List<Object> values = new ArrayList<>(key.size() + 1);
            key.forEach(values::add);
            values.add(id);
            return new KeyValue(values);
        }

        @SuppressWarnings("unchecked")
        private static <P> P position(KeyValue value) {
            return value == null ? null : (P) value.get(0);
        }

        @Override
        public void put(KeyValue key, Object id, P position) {
            entries.put(entryKey(key, id), positionValue(position));
        }

        @Override
        public P remove(KeyValue key, Object id) {
            return position(entries.remove(entryKey(key, id)));
        }

        @Override
        public void collect(KeyValue from, KeyValue to, Collection<P> into) {
            // an entry key is the index key and one value more: a key of the index's size sorts before every
            // entry key it begins, so the cursor starts at the first entry whose index key is from or after
            Cursor<KeyValue, KeyValue> cursor = entries.cursor(from);
            while (cursor.hasNext()) {
                KeyValue entry = cursor.next();
                if (comparePrefix(entry, to) > 0) {
                    return;
                }
                into.add(position(cursor.getValue()));
            }
        }

        /** The entry's index key (all but its last value) against {@code key}. */
        private static int comparePrefix(KeyValue entry, KeyValue key) {
            for (int i = 0; i < key.size(); i++) {
                int c = KeyValues.compare(entry.get(i), key.get(i)); // as KEY_ORDER compares
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        @Override
        public Iterable<Map.Entry<KeyValue, P>> inOrder(boolean descending) {
            return () -> new Iterator<>() {
                private final Cursor<KeyValue, KeyValue> cursor = entries.cursor(null, null, descending);

                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public Map.Entry<KeyValue, P> next() {
                    KeyValue entry = cursor.next();
                    List<Object> key = new ArrayList<>(entry.size() - 1);
                    for (int i = 0; i < entry.size() - 1; i++) {
                        key.add(entry.get(i));
                    }
                    return new java.util.AbstractMap.SimpleImmutableEntry<>(new KeyValue(key), position(cursor.getValue()));
                }
            };
        }

        @Override
        public long size() {
            return entries.sizeAsLong();
        }

        @Override
        public boolean needsFilling() {
            return !built.containsKey(name);
        }

        @Override
        public void markFilled() {
            built.put(name, 1);
        }

        @Override
        public void clear() {
            built.remove(name);
            entries.clear();
        }

        @Override
        public void drop() {
            built.remove(name);
            store.removeMap(entries);
        }

        /** Prefix of the maps holding a build's sorted runs while it merges them; any found when the store opens are left from a killed build. */
        static final String RUN_PREFIX = "saferkent.indexBuildRun.";

        private static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();

        /**
         * Fills the B-tree in key order. Added one at a time in the collection's order, every entry went to a random
         * leaf: each of H2's commits (about every megabyte of changed pages) rewrote almost every leaf of the index,
         * and each step down the tree compared keys again. Here the entries are sorted in memory (up to the build's
         * budget; past it, each sorted batch is written to a run map of its own, in order) and put in key order,
         * merged from the runs if there are several: each leaf is filled once at the right edge of the tree and
         * written about once. MongoDB builds an index on a full collection the same way (an external sort of its
         * keys).
         */
        @Override
        public Loader<P> loader(LoadBudget budget) {
            return new Loader<>() {
                private List<KeyValue[]> held = new ArrayList<>();
                private final List<MVMap<KeyValue, KeyValue>> runs = new ArrayList<>();

                {
                    budget.register(this::spill);
                }

                @Override
                public void add(KeyValue key, Object id, P position) {
                    held.add(new KeyValue[] {entryKey(key, id), positionValue(position)});
                    budget.added();
                }

                private List<KeyValue[]> sorted() {
                    List<KeyValue[]> sorted = held;
                    held = new ArrayList<>();
                    sorted.sort((a, b) -> SecondaryIndex.KEY_ORDER.compare(a[0], b[0]));
                    return sorted;
                }

                private void spill() {
                    if (held.isEmpty()) {
                        return;
                    }
                    MVMap<KeyValue, KeyValue> run = openEntries(store, RUN_PREFIX + RUNS.incrementAndGet());
                    for (KeyValue[] entry : sorted()) {
                        run.put(entry[0], entry[1]);
                    }
                    runs.add(run);
                }

                @Override
                public void finish() {
                    if (runs.isEmpty()) {
                        for (KeyValue[] entry : sorted()) {
                            entries.put(entry[0], entry[1]);
                        }
                        return;
                    }
                    spill();
                    merge();
                    runs.forEach(store::removeMap);
                    runs.clear();
                }

                /** Puts the runs' entries in key order: the least next entry of any run each time. */
                private void merge() {
                    java.util.PriorityQueue<Cursor<KeyValue, KeyValue>> next = new java.util.PriorityQueue<>(
                            (a, b) -> SecondaryIndex.KEY_ORDER.compare(a.getKey(), b.getKey()));
                    for (MVMap<KeyValue, KeyValue> run : runs) {
                        Cursor<KeyValue, KeyValue> cursor = run.cursor(null);
                        if (cursor.hasNext()) {
                            cursor.next();
                            next.add(cursor);
                        }
                    }
                    while (!next.isEmpty()) {
                        Cursor<KeyValue, KeyValue> least = next.poll();
                        entries.put(least.getKey(), least.getValue());
                        if (least.hasNext()) {
                            least.next();
                            next.add(least);
                        }
                    }
                }
            };
        }

        /** How many sorted runs builds have written to files in this JVM. */
        static long runsWritten() {
            return RUNS.get();
        }

        /** Removes the runs a build killed before it finished left in the file (the index itself is built again). */
        static void removeLeftRuns(MVStore store) {
            for (String map : new ArrayList<>(store.getMapNames())) {
                if (map.startsWith(RUN_PREFIX)) {
                    store.removeMap(map);
                }
            }
        }
    }

    /** An entry's key: the index's values then the {@code _id}, compared as the in-memory index orders them. */
    final class EntryKeyType extends BasicDataType<KeyValue> {

        private final UniqueKeyType values = new UniqueKeyType();

        @Override
        public int compare(KeyValue a, KeyValue b) {
            return SecondaryIndex.KEY_ORDER.compare(a, b);
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            values.write(buffer, key);
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            return values.read(buffer);
        }

        @Override
        public int getMemory(KeyValue key) {
            return values.getMemory(key);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }
}
