package org.saferkent.platform.messaging;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A store of its own for one consumer, that a test can take down and bring back on the same port: a
 * MongoDB wire server (mongo-java-server) reached through the real driver, which fails as it does
 * against any unreachable MongoDB (server selection times out after half a second here).
 */
final class OutageStore implements DisposableBean {

    private final int port;
    private final MongoClient client;
    private final MongoTemplate mongo;
    private MongoServer server;

    OutageStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        port = address.getPort();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(500, TimeUnit.MILLISECONDS).readTimeout(2, TimeUnit.SECONDS))
                .build());
        mongo = new MongoTemplate(client, "outage-store");
    }

    MongoTemplate mongo() {
        return mongo;
    }

    /** Takes the store down: every call fails until {@link #start}. What it held is gone. */
    synchronized void stop() {
        server.shutdownNow();
    }

    /** Brings the store back, empty, on the same port. */
    synchronized void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
    }

    @Override
    public synchronized void destroy() {
        client.close();
        server.shutdownNow();
    }
}
