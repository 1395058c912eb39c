package org.saferkent.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.saferkent.platform.embeddedstore.EmbeddedBackends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) whose documents live in an H2 MVStore file, so
 * they survive a restart. The services connect with the ordinary MongoDB driver.
 *
 * <p>It runs inside the launcher JVM: it starts in well under a second, needs little memory, and the
 * services reach it through a real socket anyway. Known gaps (see STACK-NOTES): no transactions or
 * sessions; change streams only with the oplog enabled, which makes writes several times slower.
 *
 * <p>A write is answered only once it is in the file (group commit, see {@code EmbeddedBackends}), so a
 * killed launcher loses nothing it acknowledged. With {@code -Dsaferkent.store.fsync=true} every commit is
 * also forced to the disk, which a power loss needs too. {@code -Dsaferkent.store.cache-mb=N} gives the store a page
 * cache of N MB instead of H2's 16 (worth it with years of data stored; it comes out of the launcher's heap).
 */
public final class MongoWireServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

    private final MongoServer server;
    private final Path file;
    private final int port;

    private MongoWireServer(MongoServer server, Path file) {
        this.server = server;
        this.file = file;
        this.port = server.getLocalAddress().getPort();
    }

    /**
     * @param directory where the H2 file lives (created if missing)
     * @param port loopback port; 0 picks a free one
     * @param oplog enable the oplog, needed for change streams
     */
    public static MongoWireServer start(Path directory, int port, boolean oplog) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.toAbsolutePath().resolve("saferkent.mv.db");
        H2Backend backend;
        try {
            // declared indexes served, writes durable before they are answered
            backend = EmbeddedBackends.h2(file.toString(), Boolean.getBoolean("saferkent.store.fsync"),
                    Integer.getInteger("saferkent.store.cache-mb", EmbeddedBackends.DEFAULT_CACHE_MB));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the MongoDB store " + file
                    + " (is another local stack using this data directory?)", e);
        }
        MongoServer server = new MongoServer(backend);
        if (oplog) {
            server.enableOplog();
        }
        // On a bind failure the server shuts itself down, closing the backend and its file lock.
        // A thread per connection, in effect. The server answers a write only once it is committed (GroupCommit), and
        // it waits on the connection's Netty event loop; with Netty's default of two loops a core (4 here) every
        // other connection on that loop - another service's reads included - waited behind each commit, so each
        // consumer that wrote added latency to all the others (201 -> victim case p50 66 -> 390 ms once partnership's
        // five consumers joined). Loops start their thread on first use; the stack opens about 40 connections.
        server.bind(new InetSocketAddress(Ports.LOOPBACK_HOST, port), 1, Integer.getInteger("saferkent.store.worker-threads", 128));
        log.debug("MongoDB wire server listening on {} with {}", server.getLocalAddress(), file);
        return new MongoWireServer(server, file);
    }

    public int port() {
        return port;
    }

    /** Without a database: each service chooses its own ({@code spring.mongodb.database}). */
    public String connectionString() {
        return "mongodb://" + Ports.LOOPBACK_HOST + ":" + port();
    }

    public Path file() {
        return file;
    }

    /** Disconnects any remaining clients, then closes the H2 store (final commit, file lock released). */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
