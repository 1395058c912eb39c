package org.saferkent.platform.embeddedstore;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;

/**
 * A bulk load's rate on a given file, as the benchmark's history preload does it: {@code n} documents of about
 * 1 KB with random ids, each collection with three secondary indexes, in unordered {@code insertMany} batches of
 * {@code batch} from three writers. Compare the store's knobs:
 * {@code java [-Dsaferkent.store.bulk-load=true] [-Dsaferkent.store.commit-buffer-mb=N] -cp <test classpath>
 * org.saferkent.platform.embeddedstore.BulkLoadProbe <file> [n] [batch]}.
 */
public final class BulkLoadProbe {

    private BulkLoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        MongoServer server = new MongoServer(EmbeddedBackends.h2(args[0], false, EmbeddedBackends.DEFAULT_CACHE_MB));
        InetSocketAddress address = server.bind();
        String payload = "x".repeat(800);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            List<MongoCollection<Document>> collections = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                MongoCollection<Document> collection = client.getDatabase("probe").getCollection("load_" + c);
                collection.createIndex(Indexes.ascending("status", "district"));
                collection.createIndex(Indexes.ascending("pseudonym"));
                collection.createIndex(Indexes.ascending("openedAt"));
                collections.add(collection);
            }
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < n; from += batch) {
                int size = Math.min(batch, n - from);
                MongoCollection<Document> into = collections.get((from / batch) % collections.size());
                done.add(writers.submit(() -> {
                    List<Document> docs = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        docs.add(new Document("_id", UUID.randomUUID().toString()).append("status", "CLOSED")
                                .append("district", "d" + (i % 12)).append("pseudonym", UUID.randomUUID().toString())
                                .append("openedAt", new java.util.Date()).append("payload", payload));
                    }
                    into.insertMany(docs, new InsertManyOptions().ordered(false));
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%,d documents in batches of %,d: %.1f s, %,.0f/s%n", n, batch, seconds, n / seconds);
        } finally {
            writers.shutdown();
            server.shutdownNow();
        }
    }
}
