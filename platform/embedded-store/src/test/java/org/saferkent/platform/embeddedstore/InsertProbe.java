package org.saferkent.platform.embeddedstore;

import java.net.InetSocketAddress;
import java.util.Locale;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

/**
 * The store's raw single-insert rate on a given file, as the benchmark's limits phase measures it on the running
 * stack: three rounds of {@code n} single inserts of about 1 KB into a new collection, from one client, each
 * answered after its commit. Run it on a copy of a stack's file to compare the store's knobs on the same data
 * (the README's "A year stored": H2's background compaction):
 * {@code java [-Dsaferkent.store.auto-compact-fill-rate=N] -cp <test classpath>
 * org.saferkent.platform.embeddedstore.InsertProbe <copy of saferkent.mv.db> [n]}.
 */
public final class InsertProbe {

    private InsertProbe() {
    }

    public static void main(String[] args) throws Exception {
        long opening = System.nanoTime();
        H2Backend backend = EmbeddedBackends.h2(args[0], false,
                Integer.getInteger("saferkent.store.cache-mb", EmbeddedBackends.DEFAULT_CACHE_MB));
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        System.out.printf(Locale.ROOT, "opened in %.1f s%n", (System.nanoTime() - opening) / 1e9);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        String payload = "x".repeat(1_000);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> inserts = client.getDatabase("probe").getCollection("inserts_" + System.nanoTime());
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    inserts.insertOne(new Document("i", i).append("round", round).append("payload", payload));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "round %d: %,d insertOne in %.1f s: %,.0f/s%n", round, n, seconds, n / seconds);
            }
        } finally {
            server.shutdownNow();
        }
    }
}
