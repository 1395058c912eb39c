package org.saferkent.identity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The identity server's MongoDB database and the box sealing what it stores, or none ({@link #none()}: nothing is
 * stored, the in-memory behaviour of the tests and of a single instance given its key by configuration).
 */
final class IdentityStore implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase database;
    private final SealedBox box;

    private IdentityStore(MongoClient client, MongoDatabase database, SealedBox box) {
        this.client = client;
        this.database = database;
        this.box = box;
    }

    static IdentityStore none() {
        return new IdentityStore(null, null, null);
    }

    /** Connects where configured; a store without a master key stops the server naming the setting. */
    static IdentityStore of(IdentityStoreProperties properties) {
        if (!properties.configured()) {
            return none();
        }
        SealedBox box = SealedBox.of(properties.masterKey());
        MongoClient client = MongoClients.create(properties.uri());
        return new IdentityStore(client, client.getDatabase(properties.database()), box);
    }

    boolean present() {
        return database != null;
    }

    MongoDatabase database() {
        return database;
    }

    SealedBox box() {
        return box;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
