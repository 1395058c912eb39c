package org.saferkent.platform.embeddedstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server backends that behave as SaferKent needs its store to: the memory backend for tests,
 * the H2 file backend for the local stack.
 * <ul>
 * <li>Every declared index serves queries: non-unique ones as {@link SecondaryIndex} (the server ships
 * none; in the H2 file beside the documents, so opening a file rebuilds nothing), unique ones for any query naming all their keys ({@link UniqueKeyLookup}); the {@link Planner}
 * picks the narrowest, an aggregation's leading {@code $match} uses it too, and every query left to read a
 * whole collection is counted in {@link CollectionScans}.</li>
 * <li>H2: a write is answered only once it is in the file ({@link GroupCommit}), so an acknowledged write
 * survives a killed process.</li>
 * <li>H2: the file grows with the data, not with the commits: a chunk's space is reused as soon as nothing
 * live is left in it, and pages are compressed.</li>
 * <li>H2: documents are stored as BSON ({@link BsonDocumentType}), not Java-serialised.</li>
 * </ul>
 */
public final class EmbeddedBackends {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackends.class);

    /** Commands that change nothing: answered without waiting for a commit. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "ping", "hello", "ismaster", "buildinfo", "killcursors", "endsessions",
            "serverstatus", "collstats", "dbstats", "explain", "whatsmyuri", "getlasterror", "getparameter",
            "connectionstatus", "hostinfo", "getlog", "getcmdlineopts", "currentop");

    private EmbeddedBackends() {
    }

    /** In memory, for a test JVM's store. */
    public static MemoryBackend memory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                        return new MemoryCollection(this, collectionName, options, cursorRegistry) {
                            @Override
                            protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
                                    int batchSize, Document fieldSelector) {
                                Iterable<Integer> candidates = Planner.candidates(getIndexes(), query, orderBy, skip, limit,
                                        position -> documentMatchesQuery(getDocument(position), query));
                                if (candidates != null) {
                                    if (candidates instanceof java.util.Collection<?> examined) {
                                        DocumentsExamined.record(getFullName(), query, examined.size());
                                    }
                                    return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
                                }
                                CollectionScans.record(getFullName(), query);
                                return matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
                            }
                        };
                    }

                    @Override
                    protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                            List<IndexKey> keys, boolean sparse) {
                        return new UniqueKeyLookup<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse),
                                sparse);
                    }

                    @Override
                    protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                            List<IndexKey> keys, boolean sparse) {
                        return new SecondaryIndex<>(indexName, keys, sparse);
                    }

                    @Override
                    public Document handleCommand(Channel channel, String command, Document query,
                            DatabaseResolver databaseResolver, Oplog oplog) {
                        Document answer = aggregateFromIndex(this, command, query, databaseResolver, oplog);
                        return answer != null ? answer : super.handleCommand(channel, command, query, databaseResolver, oplog);
                    }
                };
            }
        };
    }

    /** The share of the file (percent) kept live by H2's background compaction; H2's own default is 90. */
    public static final int AUTO_COMPACT_FILL_RATE = 50;

    /** While bulk-loading: changed pages held before H2 commits on its own (its default is 1 MB). */
    static final int BULK_LOAD_BUFFER_MB = 256;
    /** While bulk-loading: H2's background commit of whatever changed (its default is every second). */
    static final int BULK_LOAD_COMMIT_DELAY_MS = 15_000;

    /** H2's own default page cache, in megabytes. */
    public static final int DEFAULT_CACHE_MB = 16;

    /** An H2 file (created if missing), for the local stack's store; each commit written, not forced to disk. */
    public static H2Backend h2(String file) {
        return h2(file, false);
    }

    /**
     * An H2 file (created if missing), for the local stack's store.
     *
     * @param fsync force every commit to the disk (survives a power loss, not only a killed process)
     */
    public static H2Backend h2(String file, boolean fsync) {
        return h2(file, fsync, DEFAULT_CACHE_MB);
    }

    /**
     * An H2 file (created if missing), for the local stack's store.
     *
     * @param fsync force every commit to the disk (survives a power loss, not only a killed process)
     * @param cacheMegabytes the store's page cache (H2's default, 16 MB): once the file outgrows it, every
     *        lookup and insert reads and deserialises B-tree pages from the file; more cache costs launcher heap
     */
    public static H2Backend h2(String file, boolean fsync, int cacheMegabytes) {
        return h2(file, fsync, cacheMegabytes, Boolean.getBoolean("saferkent.store.bulk-load"));
    }

    /**
     * An H2 file (created if missing), for the local stack's store.
     *
     * @param fsync force every commit to the disk (survives a power loss, not only a killed process)
     * @param cacheMegabytes the store's page cache (H2's default, 16 MB)
     * @param bulkLoad for loading much data at once with nobody reading it (the benchmark's history): the
     *        secondary indexes are not kept while the file is open this way (queries scan) and are built, each in
     *        one pass over its collection, when the file is next opened without it. Kept entry by entry, every
     *        commit of a load wrote a B-tree page of each index for almost every document (preloading history ran
     *        at about 1,600 documents a second, two thirds of it writing pages, against 15,000 without indexes).
     *        <b>Writes are answered before they are committed</b>: the file is committed every
     *        {@value #BULK_LOAD_BUFFER_MB} MB of changed pages, every {@value #BULK_LOAD_COMMIT_DELAY_MS} ms and when it
     *        closes, so a load killed before its store closed is loaded again whole. Never for a store whose
     *        acknowledgements must hold: the stack's store never opens this way.
     */
    public static H2Backend h2(String file, boolean fsync, int cacheMegabytes, boolean bulkLoad) {
        // compressed pages (LZF); documents are stored as BSON (BsonDocumentType)
        MVStore.Builder builder = new MVStore.Builder().fileName(file).cacheSize(cacheMegabytes);
        if (Boolean.parseBoolean(System.getProperty("saferkent.store.compress", "true"))) {
            builder.compress();
        }
        // H2 rewrites live pages in the background whenever less than this share of the file is live (its default,
        // 90%, kept a store holding a year busy rewriting itself: raw inserts at 884/s against 1,844/s at 40%, as fast
        // as an empty store). At 50% the file holds at most about twice its live data.
        builder.autoCompactFillRate(Integer.getInteger("saferkent.store.auto-compact-fill-rate", AUTO_COMPACT_FILL_RATE));
        int split = Integer.getInteger("saferkent.store.page-split-bytes", 0);
        if (split > 0) {
            builder.pageSplitSize(split);
        }
        // H2 commits on its own whenever about 1 MB of changed pages is held (its default), and the store at every
        // write: loading thousands of documents a second, a commit every few hundred documents, each rewriting the
        // pages of the `_id` index they touched (random keys: most of its leaves, every time). A bulk load commits
        // every BULK_LOAD_BUFFER_MB of changed pages, every BULK_LOAD_COMMIT_DELAY_MS, and at close; so does an opening
        // given -Dsaferkent.store.commit-buffer-mb=N (one that builds the indexes a bulk load left out)
        int buffer = Integer.getInteger("saferkent.store.commit-buffer-mb", bulkLoad ? BULK_LOAD_BUFFER_MB : 0);
        if (buffer > 0) {
            builder.autoCommitBufferSize(buffer * 1024);
        }
        MVStore store = builder.open();
        if (buffer > 0) {
            store.setAutoCommitDelay(BULK_LOAD_COMMIT_DELAY_MS); // and not every second (H2's background commit)
        }
        // Reuse a chunk's space as soon as nothing live is left in it. H2 keeps every chunk for 45 s by
        // default, and with a commit per write (GroupCommit) that was all the file held: 45 s of rewritten
        // pages, 2-3% of it live, about 45 KB of file per referral. What the 45 s protected is kept otherwise:
        // a query reads the version it started on, pinned for the command (below); a chunk made dead stays
        // until the file has been forced to the disk past that point (GroupCommit).
        store.setRetentionTime(0);
        moveUniqueKeys(store);
        IndexEntries.InFile.removeLeftRuns(store);
        markOpen(store);
        if (bulkLoad) {
            store.openMap(IndexEntries.InFile.BUILT).clear(); // the next opening builds every secondary index
            store.commit();
            log.info("bulk load: secondary indexes are not kept while the store is open; they are built when it is next opened");
        }
        GroupCommit commits = new GroupCommit(store, fsync);
        return new H2Backend(store) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
                    /** Called by the constructor: the indexes each collection needs built are built after all are opened. */
                    @Override
                    protected void initializeNamespacesAndIndexes() {
                        List<Runnable> builds = new ArrayList<>();
                        BUILD_WHEN_OPENED.set(builds);
                        try {
                            super.initializeNamespacesAndIndexes();
                        } finally {
                            BUILD_WHEN_OPENED.remove();
                        }
                        builds.forEach(Runnable::run);
                    }

                    @Override
                    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                        // as H2Database does, with the planner in front of every query
                        return new H2Collection(this, collectionName, options,
                                getMvStore().openMap(dataMapName(collectionName), new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType())),
                                getMvStore().openMap(metaMapName(collectionName)),
                                cursorRegistry) {
                            @Override
                            protected Document getDocument(Object position) {
                                return ownCopy(super.getDocument(position));
                            }

                            @Override
                            protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
                                    int batchSize, Document fieldSelector) {
                                Iterable<Object> candidates = Planner.candidates(getIndexes(), query, orderBy, skip, limit,
                                        position -> documentMatchesQuery(super.getDocument(position), query)); // matching only reads: no copy
                                if (candidates != null) {
                                    if (candidates instanceof java.util.Collection<?> examined) {
                                        DocumentsExamined.record(getFullName(), query, examined.size());
                                    }
                                    return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
                                }
                                CollectionScans.record(getFullName(), query);
                                if (orderBy != null && orderBy.containsKey("$natural")) {
                                    return matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector); // in the order stored
                                }
                                // the server's scan hands out the stored documents: copies of those that match
                                return matchDocumentsFromStream(super.streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument)
                                        .filter(document -> documentMatchesQuery(document, query)).map(EmbeddedBackends::ownCopy),
                                        query, orderBy, skip, limit, batchSize, fieldSelector);
                            }

                            /** This collection's indexes to build once the store has opened them all. */
                            private final List<SecondaryIndex<Object>> toBuild = new ArrayList<>();

                            @Override
                            public void addIndex(Index<Object> index) {
                                boolean open = getIndexes().stream().anyMatch(existing -> existing.getName().equals(index.getName()));
                                if (!open && index instanceof SecondaryIndex<Object> secondary && secondary.needsBuilding()) {
                                    List<Runnable> opening = BUILD_WHEN_OPENED.get();
                                    if (opening != null) {
                                        secondary.buildLater();
                                        if (toBuild.isEmpty()) {
                                            opening.add(this::buildIndexes);
                                        }
                                        toBuild.add(secondary);
                                    } else {
                                        toBuild.add(secondary);
                                        buildIndexes();
                                    }
                                }
                                super.addIndex(index);
                            }

                            private void buildIndexes() {
                                long began = System.nanoTime();
                                // the version read stays in the file until the build is done: the build's own writes commit
                                // meanwhile, and background compaction moves pages, so without this a long read at the
                                // opening found a chunk gone ("Chunk ... not found": a year of history, reopened after a load)
                                MVStore.TxCounter reading = store.registerVersionUsage();
                                try {
                                    SecondaryIndex.buildTogether(toBuild, super.streamAllDocumentsWithPosition()); // reads only: no copies
                                } finally {
                                    store.deregisterVersionUsage(reading);
                                }
                                log.info("{} secondary index(es) of {} built from {} documents in {} ms", toBuild.size(), getFullName(),
                                        count(), (System.nanoTime() - began) / 1_000_000);
                                toBuild.clear();
                            }

                            @Override
                            protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
                                return super.streamAllDocumentsWithPosition()
                                        .map(stored -> new DocumentWithPosition<>(ownCopy(stored.getDocument()), stored.getPosition()));
                            }
                        };
                    }

                    private String dataMapName(String collectionName) {
                        return "databases." + getFullCollectionNamespace(collectionName);
                    }

                    private String metaMapName(String collectionName) {
                        return "meta." + getFullCollectionNamespace(collectionName);
                    }

                    @Override
                    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                            List<IndexKey> keys, boolean sparse) {
                        // open the index's map with its key type first: the server's own openMap then finds it open
                        getMvStore().openMap(uniqueIndexMapName(getFullCollectionNamespace(collectionName), indexName),
                                new MVMap.Builder<KeyValue, Object>().keyType(new UniqueKeyType()));
                        return new UniqueKeyLookup<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse),
                                sparse);
                    }

                    @Override
                    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                            List<IndexKey> keys, boolean sparse) {
                        return new SecondaryIndex<>(indexName, keys, sparse, new IndexEntries.InFile<>(getMvStore(),
                                secondaryIndexMapName(getFullCollectionNamespace(collectionName), indexName)), bulkLoad);
                    }

                    @Override
                    public Document handleCommand(Channel channel, String command, Document query,
                            DatabaseResolver databaseResolver, Oplog oplog) {
                        Document answer = aggregateFromIndex(this, command, query, databaseResolver, oplog);
                        return answer != null ? answer : super.handleCommand(channel, command, query, databaseResolver, oplog);
                    }
                };
            }

            @Override
            public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
                boolean write = !READS.contains(command.toLowerCase(Locale.ROOT)) && !readOnlyAggregate(command, query);
                // the pages this command reads stay in the file until it is done, however many commits pass
                MVStore.TxCounter reading = store.registerVersionUsage();
                try {
                    return super.handleCommand(channel, databaseName, command, query);
                } finally {
                    store.deregisterVersionUsage(reading);
                    if (write && !bulkLoad) {
                        commits.awaitDurable(); // also after a failed write: part of a batch may be in
                    }
                }
            }

            @Override
            public QueryResult handleQuery(MongoQuery query) {
                MVStore.TxCounter reading = store.registerVersionUsage();
                try {
                    return super.handleQuery(query);
                } finally {
                    store.deregisterVersionUsage(reading);
                }
            }

            @Override
            public void close() {
                commits.close();
                closedCleanly(store);
                super.close();
            }
        };
    }

    /**
     * While a database's collections and indexes are being opened (on the opening thread): the builds to run
     * once all are open, one read of each collection for all its indexes that need building.
     */
    private static final ThreadLocal<List<Runnable>> BUILD_WHEN_OPENED = new ThreadLocal<>();

    private static final String OPEN = "open";

    /**
     * Marks the file open until {@link #closedCleanly}. Found still marked, the process that had it open
     * died: a commit may have caught a write half done, so every secondary index is built again from the
     * documents (see {@link IndexEntries.InFile}). A file written before the indexes were kept in it has
     * none recorded as built, and gets them built once the same way.
     */
    static void markOpen(MVStore store) {
        MVMap<String, Object> format = store.openMap(FORMAT_MAP);
        if (format.containsKey(OPEN)) {
            store.openMap(IndexEntries.InFile.BUILT).clear();
            log.info("the store was not closed cleanly: its secondary indexes are built again from the documents");
        }
        format.put(OPEN, 1);
        store.commit();
    }

    static void closedCleanly(MVStore store) {
        if (!store.isClosed()) {
            store.openMap(FORMAT_MAP).remove(OPEN);
            store.commit();
        }
    }

    /**
     * A stored document as the server may change it: a copy (H2 only: the memory backend's update relies on
     * changing its stored document in place, and nothing writes it in the background). The server updates the document it was handed
     * in place (keeping a deep copy as the old one) and writes it back, so handing out the stored instance let
     * an update change a document while the store was writing it to the file at a commit (a
     * ConcurrentModificationException there closes the H2 store) or while another connection's answer was
     * being encoded from it, and let readers see half an update.
     */
    private static Document ownCopy(Document stored) {
        return stored == null ? null : stored.cloneDeeply();
    }

    /** The name the H2 backend gives a unique index's map ({@code H2Database.mapNameForIndex}). */
    static String uniqueIndexMapName(String fullCollectionName, String indexName) {
        return fullCollectionName + UNIQUE_INDEX_INFIX + indexName;
    }

    /** The map of a secondary index kept in the file ({@link IndexEntries.InFile}). */
    static String secondaryIndexMapName(String fullCollectionName, String indexName) {
        return fullCollectionName + "._secondary_" + indexName;
    }

    private static final String UNIQUE_INDEX_INFIX = "._index_";
    private static final String MOVING = ".moving";
    private static final String FORMAT_MAP = "saferkent.format";
    private static final String UNIQUE_KEYS = "uniqueKeys";

    /**
     * Moves the unique indexes of a file written before {@link UniqueKeyType} to it, once: each map's
     * entries are copied into a new map of the new type, which is committed, then takes the old one's
     * name. Killed at any point, the next open finishes the work: a copy whose original is gone was
     * complete (the original is removed only after the copy is committed), one whose original is still
     * there is made again.
     */
    static void moveUniqueKeys(MVStore store) {
        MVMap<String, Object> format = store.openMap(FORMAT_MAP);
        if (Integer.valueOf(2).equals(format.get(UNIQUE_KEYS))) {
            return;
        }
        for (String name : new ArrayList<>(store.getMapNames())) {
            if (name.endsWith(MOVING)) {
                String original = name.substring(0, name.length() - MOVING.length());
                if (store.hasMap(original)) {
                    store.removeMap(name);
                } else {
                    store.renameMap(store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new UniqueKeyType())), original);
                }
            }
        }
        store.commit();
        for (String name : new ArrayList<>(store.getMapNames())) {
            if (!name.contains(UNIQUE_INDEX_INFIX) || name.endsWith(MOVING)) {
                continue;
            }
            MVMap<Object, Object> old = store.openMap(name); // H2's default key type, as written before
            MVMap<KeyValue, Object> moved = store.openMap(name + MOVING, new MVMap.Builder<KeyValue, Object>().keyType(new UniqueKeyType()));
            for (Map.Entry<Object, Object> entry : old.entrySet()) {
                moved.put((KeyValue) entry.getKey(), entry.getValue());
            }
            store.commit();
            store.removeMap(old);
            store.renameMap(moved, name);
            store.commit();
            log.info("unique index {} moved to its own key type ({} keys)", name, moved.size());
        }
        format.put(UNIQUE_KEYS, 2);
        store.commit();
    }

    private static boolean readOnlyAggregate(String command, Document query) {
        if (!"aggregate".equalsIgnoreCase(command) || !(query.get("pipeline") instanceof List<?> pipeline)) {
            return false;
        }
        return pipeline.stream().noneMatch(stage -> stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
    }

    /**
     * An aggregation whose first stage is a {@code $match}, answered by querying the collection with that
     * match (so its indexes serve it) and running the rest of the pipeline over the result. The server
     * would stream the whole collection into the match. Null for anything else (the server answers it).
     */
    private static Document aggregateFromIndex(MongoDatabase database, String command, Document query,
            DatabaseResolver resolver, Oplog oplog) {
        if (!"aggregate".equalsIgnoreCase(command) || !(query.get("pipeline") instanceof List<?> raw) || raw.isEmpty()
                || !(raw.get(0) instanceof Document first) || !(first.get("$match") instanceof Document match)) {
            return null;
        }
        String collectionName = String.valueOf(query.get(command));
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        if (collection == null) {
            return null;
        }
        List<Document> rest = new ArrayList<>();
        for (Object stage : raw.subList(1, raw.size())) {
            rest.add((Document) stage);
        }
        Aggregation aggregation = Aggregation.fromPipeline(rest, resolver, database, collection, oplog);
        aggregation.validate(query);
        Stream<Document> matched = collection.handleQueryAsStream(match);
        List<Document> result = aggregation.runStages(matched);
        Document cursor = new Document("id", 0L)
                .append("ns", (database).getDatabaseName() + "." + collectionName)
                .append("firstBatch", result);
        Document answer = new Document("cursor", cursor);
        answer.put("ok", 1.0);
        return answer;
    }
}
