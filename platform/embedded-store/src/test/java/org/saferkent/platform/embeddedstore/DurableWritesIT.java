package org.saferkent.platform.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write the H2 store acknowledged survives SIGKILL of the store's process: the store runs in a child
 * JVM, writers insert and update from several threads, the process is killed while they are busy, and
 * the file opened again holds every acknowledged write, with its declared index rebuilt and serving.
 */
class DurableWritesIT {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesAKilledStoreProcess() throws Exception {
        Path file = dir.resolve("store.mv.db");
        Path portFile = dir.resolve("port");
        Process store = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), StoreProcess.class.getName(),
                file.toString(), portFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("store.log").toFile()).start();
        Set<String> inserted = ConcurrentHashMap.newKeySet();
        Map<String, Integer> updated = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(portFile) || !store.isAlive());
            assertThat(store.isAlive()).as("the store process started").isTrue();
            int port = Integer.parseInt(Files.readString(portFile).trim());

            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=2000")) {
                MongoCollection<Document> referrals = client.getDatabase("t").getCollection("referrals");
                referrals.createIndex(Indexes.ascending("district"));
                referrals.createIndex(Indexes.ascending("n", "district")); // two indexes: built together from one read
                ExecutorService writers = Executors.newFixedThreadPool(4);
                CountDownLatch enough = new CountDownLatch(1);
                for (int w = 0; w < 4; w++) {
                    int writer = w;
                    writers.submit(() -> {
                        for (int i = 0; ; i++) {
                            String id = "w" + writer + "-" + i;
                            try {
                                referrals.insertOne(new Document("_id", id).append("district", "d" + (i % 12)).append("n", 0));
                                inserted.add(id);
                                if (i > 0 && i % 3 == 0) {
                                    String earlier = "w" + writer + "-" + (i - 1);
                                    referrals.updateOne(Filters.eq("_id", earlier), Updates.set("n", i));
                                    updated.put(earlier, i);
                                }
                            } catch (MongoException killed) {
                                return; // the store is gone: whatever was not answered was never promised
                            }
                            if (acknowledged.incrementAndGet() == 1_500) {
                                enough.countDown();
                            }
                        }
                    });
                }
                assertThat(enough.await(2, TimeUnit.MINUTES)).as("writes acknowledged before the kill").isTrue();
                store.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
                store.waitFor(30, TimeUnit.SECONDS);
                writers.shutdown();
                assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            }
        } finally {
            store.destroyForcibly();
        }

        Map<String, Long> scansBefore = CollectionScans.snapshot();
        long buildsBefore = SecondaryIndex.builds();
        MongoServer reopened = new MongoServer(EmbeddedBackends.h2(file.toString()));
        InetSocketAddress address = reopened.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> referrals = client.getDatabase("t").getCollection("referrals");
            List<String> lost = new ArrayList<>();
            List<String> stale = new ArrayList<>();
            for (String id : inserted) {
                Document doc = referrals.find(Filters.eq("_id", id)).first();
                if (doc == null) {
                    lost.add(id);
                } else if (updated.containsKey(id) && doc.getInteger("n") != updated.get(id).intValue()) {
                    stale.add(id);
                }
            }
            assertThat(inserted).hasSizeGreaterThanOrEqualTo(1_000);
            assertThat(lost).as("acknowledged inserts lost by the kill").isEmpty();
            assertThat(stale).as("acknowledged updates lost by the kill").isEmpty();
            // the declared index came back with the file and serves its query
            long inDistrict = inserted.stream().filter(id -> Integer.parseInt(id.substring(id.indexOf('-') + 1)) % 12 == 5).count();
            assertThat(referrals.countDocuments(Filters.eq("district", "d5"))).isGreaterThanOrEqualTo(inDistrict);
            assertThat(CollectionScans.since(scansBefore).keySet()).noneMatch(shape -> shape.startsWith("t.referrals {district"));
            // the index is kept in the file, but a commit may have caught a write half done: after the kill it
            // was built again from the documents, and answers exactly as reading every document does
            assertThat(SecondaryIndex.builds()).as("indexes built again after the kill").isGreaterThan(buildsBefore);
            List<Document> every = referrals.find().into(new ArrayList<>());
            for (int district = 0; district < 12; district++) {
                String name = "d" + district;
                long stored = every.stream().filter(doc -> name.equals(doc.getString("district"))).count();
                assertThat(referrals.countDocuments(Filters.eq("district", name))).as(name).isEqualTo(stored);
            }
            long unchanged = every.stream().filter(doc -> doc.getInteger("n") == 0).count();
            assertThat(referrals.countDocuments(Filters.eq("n", 0))).as("never updated").isEqualTo(unchanged);
        } finally {
            reopened.shutdownNow();
        }
    }
}
