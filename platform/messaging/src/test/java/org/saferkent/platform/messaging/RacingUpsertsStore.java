package org.saferkent.platform.messaging;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * A MongoDB wire server (mongo-java-server, in memory) whose upserts race as MongoDB's do. The shared
 * test store runs each upsert under one lock per collection, so "no match, then insert" can never be
 * interleaved there; MongoDB looks for a match and inserts as two steps, and only the unique {@code _id}
 * index stops a second insert: a writer whose query found nothing while another was inserting the same
 * document gets a duplicate-key error (MongoDB retries that by itself only when the query is an equality
 * on {@code _id} alone). This server does the same: an upsert looks for a match, lets other writers in,
 * then inserts.
 */
final class RacingUpsertsStore implements AutoCloseable {

    /** A condition no document meets: makes the second step insert, as the first step found nothing. */
    private static final String NEVER = "__racingUpsertsStore_insertNow";

    private final MongoServer server;
    private final String uri;

    RacingUpsertsStore() {
        server = new MongoServer(new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                        return new RacingCollection(this, collectionName, options, cursorRegistry);
                    }
                };
            }
        });
        InetSocketAddress address = server.bind();
        uri = "mongodb://127.0.0.1:" + address.getPort();
    }

    String uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private static Document insertOnly(Document query) {
        Document never = new Document(query);
        never.put(NEVER, new Document("$exists", true));
        return never;
    }

    private static final class RacingCollection extends MemoryCollection {

        RacingCollection(MemoryDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean multi,
                boolean upsert, Oplog oplog) {
            if (!upsert) {
                return super.updateDocuments(selector, update, arrayFilters, multi, false, oplog);
            }
            Document matched = super.updateDocuments(selector, update, arrayFilters, multi, false, oplog);
            if (((Number) matched.get("n")).intValue() > 0) {
                return matched;
            }
            Thread.yield(); // the lock is released: another writer may insert the document now
            return super.updateDocuments(insertOnly(selector), update, arrayFilters, multi, true, oplog);
        }

        @Override
        public Document findAndModify(Document command) {
            if (!Utils.isTrue(command.get("upsert"))) {
                return super.findAndModify(command);
            }
            Document lookFirst = new Document(command);
            lookFirst.put("upsert", false);
            Document found = super.findAndModify(lookFirst);
            if (found.get("value") != null) {
                return found;
            }
            Thread.yield();
            Document insert = new Document(command);
            insert.put("query", insertOnly((Document) command.getOrDefault("query", new Document())));
            return super.findAndModify(insert);
        }
    }
}
