package org.saferkent.platform.embeddedstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;

/**
 * A non-unique (secondary) index for mongo-java-server, which ships none: "adding secondary index ... is
 * not yet implemented. ignoring" and a collection scan for every query not by a unique key.
 *
 * <p>An ordered map from the indexed fields' values to the documents holding them, kept in memory and
 * maintained on every insert, update and delete (the server calls {@link #add}, {@link #updateInPlace} and
 * {@link #remove} under the collection's lock). It is rebuilt when the store opens: the server re-creates
 * every declared index from its {@code system.indexes} description and fills an empty index from the
 * collection's documents, so nothing about it needs to be stored.
 *
 * <p>The index only narrows the candidates: {@link QueryPlan} picks the ranges of keys a query can touch
 * (equality or {@code $in} on a prefix of the keys, then at most one range), and the server still matches
 * every candidate against the whole query. A wider range than needed costs time, never a wrong answer.
 * Arrays are indexed per element (multikey), as MongoDB does; a sparse index leaves out documents
 * missing every key.
 */
final class SecondaryIndex<P> extends Index<P> {

    private static final String ID = "_id";

    /** Key values in BSON order, each with the documents (by {@code _id}) holding them. */
    private final IndexEntries<P> entries;
    private final boolean sparse;
    /**
     * Not kept while the store is bulk-loading ({@link EmbeddedBackends#h2(String, boolean, int, boolean)}): it
     * records nothing, answers nothing (queries scan), and is built when the store is next opened.
     */
    private final boolean deferred;

    /** In memory: filled by the server from the collection whenever it is opened. */
    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        this(name, keys, sparse, new IndexEntries.InMemory<>());
    }

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, IndexEntries<P> entries) {
        this(name, keys, sparse, entries, false);
    }

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, IndexEntries<P> entries, boolean deferred) {
        super(name, keys, sparse);
        this.sparse = sparse;
        this.entries = entries;
        this.deferred = deferred;
    }

    /** Whether it holds its collection's keys and can serve queries (not deferred by a bulk load). */
    boolean answers() {
        return !deferred;
    }

    static final Comparator<KeyValue> KEY_ORDER = (a, b) -> {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = KeyValues.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    List<String> keyNames() {
        return keys();
    }

    /**
     * Told to the collection as true whatever was declared: a document this index does not hold (an
     * empty array, a sparse index's document without the keys) must not stop its delete. Declared
     * sparseness is {@link #sparse}.
     */
    @Override
    protected boolean isSparse() {
        return true;
    }

    private boolean skipped(Document document) {
        if (!sparse) {
            return false;
        }
        for (String key : keys()) {
            if (!(de.bwaldvogel.mongo.backend.Utils.getSubdocumentValueCollectionAware(document, key) instanceof Missing)) {
                return false;
            }
        }
        return true;
    }

    private static Object id(Document document) {
        Object id = document.get(ID);
        return id instanceof Number number ? de.bwaldvogel.mongo.backend.Utils.normalizeNumber(number) : id;
    }

    @Override
    public synchronized P getPosition(Document document) {
        return null; // positions come from the _id index; a non-unique key names no single document
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        getKeyValues(document); // refuses parallel arrays before anything is written, as MongoDB does
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (deferred || skipped(document)) {
            return;
        }
        Object id = id(document);
        for (KeyValue key : keysOf(document)) {
            entries.put(key, id, position);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        if (deferred || skipped(document)) {
            return null;
        }
        Object id = id(document);
        P position = null;
        for (KeyValue key : keysOf(document)) {
            P removed = entries.remove(key, id);
            if (removed != null) {
                position = removed;
            }
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        getKeyValues(newDocument);
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        if (deferred) {
            return;
        }
        if (Objects.equals(keyValuesOrNone(oldDocument), keyValuesOrNone(newDocument))
                && Objects.equals(id(oldDocument), id(newDocument))) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    private Set<KeyValue> keyValuesOrNone(Document document) {
        return skipped(document) ? Set.of() : keysOf(document);
    }

    /** The document's keys; an empty array is indexed as null, as MongoDB indexes it as undefined. */
    private Set<KeyValue> keysOf(Document document) {
        Set<KeyValue> keys = getKeyValues(document);
        if (!keys.isEmpty()) {
            return keys;
        }
        List<Object> nulls = new ArrayList<>();
        keys().forEach(k -> nulls.add(null));
        return Set.of(new KeyValue(nulls));
    }

    @Override
    public boolean canHandle(Document query) {
        return !deferred && QueryPlan.of(this, query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        QueryPlan plan = QueryPlan.of(this, query);
        if (plan == null) {
            throw new IllegalStateException("index " + getName() + " cannot serve this query");
        }
        return positions(plan);
    }

    /** The documents in the plan's key ranges (a plan the {@link Planner} built for this index). */
    synchronized Iterable<P> positions(QueryPlan plan) {
        Set<P> positions = new LinkedHashSet<>();
        for (QueryPlan.Range range : plan.ranges()) {
            entries.collect(range.from(), range.to(), positions);
        }
        return new ArrayList<>(positions);
    }

    /**
     * The documents matching {@code matches}, in key order ({@code descending} reversed), one group of equal
     * leading keys at a time, until the groups taken hold {@code needed} of them. For a query ordered by this
     * index's first key with a limit: sorting these by the full order gives the same first rows as sorting
     * the whole collection (every document before the last group, and that whole group, are in).
     */
    synchronized List<P> inKeyOrder(boolean descending, int needed, java.util.function.Predicate<P> matches) {
        List<P> taken = new ArrayList<>();
        Set<P> seen = new java.util.HashSet<>();
        Object groupKey = null;
        boolean first = true;
        for (Map.Entry<KeyValue, P> entry : entries.inOrder(descending)) {
            Object leading = entry.getKey().get(0);
            if (!first && taken.size() >= needed && ValueComparator.asc().compare(leading, groupKey) != 0) {
                break;
            }
            first = false;
            groupKey = leading;
            P position = entry.getValue();
            if (seen.add(position) && matches.test(position)) {
                taken.add(position);
            }
        }
        return taken;
    }

    /** Holds every document of the collection (not sparse, so a missing key is indexed as null). */
    boolean coversEveryDocument() {
        return !sparse && !deferred;
    }

    @Override
    public synchronized long getCount() {
        return deferred ? 0 : entries.size();
    }

    /**
     * Whether the server must fill this index from the collection's documents: an index kept in the file
     * that was built before is not filled again (see {@link IndexEntries.InFile}).
     */
    @Override
    public synchronized boolean isEmpty() {
        return !deferred && !buildingLater && entries.needsFilling();
    }

    /** Built with the other indexes of its collection once the store has opened them all ({@link #buildTogether}). */
    private boolean buildingLater;

    synchronized void buildLater() {
        buildingLater = true;
    }

    @Override
    public synchronized long getDataSize() {
        return entries.size();
    }

    @Override
    public synchronized void drop() {
        entries.drop();
    }

    /** Kept in the store's file and not built yet (or no longer trusted): {@link #build} it before use. */
    synchronized boolean needsBuilding() {
        return !deferred && entries instanceof IndexEntries.InFile<P> && entries.needsFilling();
    }

    /**
     * Fills the index from every document of its collection in one pass (the server's own fill reads the
     * collection twice) and records it as built, so the next opening of the file finds it ready.
     */
    void build(java.util.stream.Stream<de.bwaldvogel.mongo.backend.DocumentWithPosition<P>> documents) {
        buildTogether(List.of(this), documents);
    }

    /**
     * How many entries the loaders of one build may hold in memory together (about 250 bytes each); past it they
     * are sorted and written to the file as runs, merged at the end ({@link IndexEntries.InFile}).
     */
    static volatile int buildBudget = Integer.getInteger("saferkent.store.index-build-entries", 300_000);

    /** Fills several indexes of one collection from a single read of its documents. */
    static <P> void buildTogether(List<SecondaryIndex<P>> indexes,
            java.util.stream.Stream<de.bwaldvogel.mongo.backend.DocumentWithPosition<P>> documents) {
        indexes.forEach(index -> index.entries.clear());
        IndexEntries.LoadBudget budget = new IndexEntries.LoadBudget(buildBudget);
        List<IndexEntries.Loader<P>> loaders = indexes.stream().map(index -> index.entries.loader(budget)).toList();
        documents.forEach(stored -> {
            Document document = stored.getDocument();
            Object id = id(document);
            for (int i = 0; i < indexes.size(); i++) {
                SecondaryIndex<P> index = indexes.get(i);
                if (index.deferred || index.skipped(document)) {
                    continue; // holds none of the keys: no array, parallel or not
                }
                for (KeyValue key : index.keysOf(document)) { // refuses parallel arrays, as the server's fill does
                    loaders.get(i).add(key, id, stored.getPosition());
                }
            }
        });
        loaders.forEach(IndexEntries.Loader::finish);
        for (SecondaryIndex<P> index : indexes) {
            synchronized (index) {
                index.entries.markFilled();
                index.buildingLater = false;
            }
            BUILDS.incrementAndGet();
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong BUILDS = new java.util.concurrent.atomic.AtomicLong();

    /** How many indexes kept in a file were built from their collection's documents in this JVM. */
    static long builds() {
        return BUILDS.get();
    }

    /** The smallest and largest possible values, for the components a range leaves open. */
    static Object min() {
        return MinKey.getInstance();
    }

    static Object max() {
        return MaxKey.getInstance();
    }
}
