package org.saferkent.platform.embeddedstore;

import java.util.List;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * mongo-java-server backends whose {@code _id} index serves every query naming one {@code _id}
 * ({@link IdLookupIndex}): the memory backend for tests, the H2 file backend for the local stack.
 */
public final class EmbeddedBackends {

    private EmbeddedBackends() {
    }

    /** In memory, for a test JVM's store. */
    public static MongoBackend memory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                            List<IndexKey> keys, boolean sparse) {
                        return wrapped(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), keys);
                    }
                };
            }
        };
    }

    /** An H2 file (created if missing), for the local stack's store. */
    public static H2Backend h2(String file) {
        return new H2Backend(file) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
                    @Override
                    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                            List<IndexKey> keys, boolean sparse) {
                        return wrapped(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), keys);
                    }
                };
            }
        };
    }

    private static <P> Index<P> wrapped(Index<P> index, List<IndexKey> keys) {
        return IdLookupIndex.isIdIndex(keys) ? new IdLookupIndex<>(index) : index;
    }
}
