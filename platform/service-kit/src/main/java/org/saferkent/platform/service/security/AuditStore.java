package org.saferkent.platform.service.security;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * Where the audit trail is written: by default the service's own store and user; with
 * {@code saferkent.audit.mongodb.uri} set, a connection of its own as a user that may only find and insert
 * entries (the compose stack's {@code <service>-audit} users, docker/mongo/create-service-users.js), to the
 * database the URI names.
 */
public final class AuditStore implements AutoCloseable {

    private final MongoTemplate mongo;
    private final MongoClient ownClient;

    private AuditStore(MongoTemplate mongo, MongoClient ownClient) {
        this.mongo = mongo;
        this.ownClient = ownClient;
    }

    /**
     * @param uri the audit connection string, or blank for the service's own template
     */
    public static AuditStore of(MongoTemplate serviceStore, String uri) {
        if (uri == null || uri.isBlank()) {
            return new AuditStore(serviceStore, null);
        }
        ConnectionString connection = new ConnectionString(uri);
        String database = connection.getDatabase() != null ? connection.getDatabase() : serviceStore.getDb().getName();
        MongoClient client = MongoClients.create(connection);
        return new AuditStore(new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, database),
                serviceStore.getConverter()), client);
    }

    public MongoTemplate mongo() {
        return mongo;
    }

    @Override
    public void close() {
        if (ownClient != null) {
            ownClient.close();
        }
    }
}
