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
 * JVM, writers insert, update (moving documents between index keys) and delete from several threads, the
 * process is killed while they are busy, and the file opened again holds every acknowledged write, with its
 * declared indexes built again from the documents (a commit may have caught a write half done), answering exactly
 * as reading every document.
 */
class DurableWritesIT {

    private static final int WRITERS = 4;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesAKilledStoreProcessWithItsIndexesBuiltAgain() throws Exception {
        Path file = dir.resolve("store.mv.db");
        Path portFile = dir.resolve("port");
        Process store = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), StoreProcess.class.getName(),
                file.toString(), portFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("store.log").toFile()).start();
        Set<String> inserted = ConcurrentHashMap.newKeySet();
        Map<String, Integer> updated = new ConcurrentHashMap<>();
        Set<String> deleting = ConcurrentHashMap.newKeySet();
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        AtomicInteger acknowledged = new AtomicInteger();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(portFile) || !store.isAlive());
            assertThat(store.isAlive()).as("the store process started").isTrue();
            int port = Integer.parseInt(Files.readString(portFile).trim());

            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=2000")) {
                MongoCollection<Document> referrals = client.getDatabase("t").getCollection("referrals");
                referrals.createIndex(Indexes.ascending("district"));
                referrals.createIndex(Indexes.ascending("n", "district"));
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                CountDownLatch enough = new CountDownLatch(1);
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.submit(() -> {
                        for (int i = 0; ; i++) {
                            try {
                                String id = "w" + writer + "-" + i;
                                referrals.insertOne(new Document("_id", id).append("district", "d" + (i % 12)).append("n", 0));
                                inserted.add(id);
                                if (i > 0 && i % 3 == 0) { // each document updated once at most: to another district
                                    String earlier = "w" + writer + "-" + (i - 1);
                                    referrals.updateOne(Filters.eq("_id", earlier), Updates.combine(Updates.set("n", i),
                                            Updates.set("district", "m" + (i % 12))));
                                    updated.put(earlier, i);
                                }
                                if (i > 1 && i % 4 == 0) { // and deleted once at most, after its update
                                    String gone = "w" + writer + "-" + (i - 2);
                                    deleting.add(gone);
                                    referrals.deleteOne(Filters.eq("_id", gone));
                                    deleted.add(gone);
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
            List<String> back = new ArrayList<>();
            for (String id : inserted) {
                Document doc = referrals.find(Filters.eq("_id", id)).first();
                if (deleted.contains(id)) {
                    if (doc != null) {
                        back.add(id);
                    }
                } else if (doc == null) {
                    if (!deleting.contains(id)) { // a delete under way at the kill may have been done
                        lost.add(id);
                    }
                } else if (updated.containsKey(id) && doc.getInteger("n") != updated.get(id).intValue()) {
                    stale.add(id);
                }
            }
            assertThat(inserted).hasSizeGreaterThanOrEqualTo(1_000);
            assertThat(updated).hasSizeGreaterThanOrEqualTo(300);
            assertThat(deleted).hasSizeGreaterThanOrEqualTo(200);
            assertThat(lost).as("acknowledged inserts lost by the kill").isEmpty();
            assertThat(stale).as("acknowledged updates lost by the kill").isEmpty();
            assertThat(back).as("acknowledged deletes undone by the kill").isEmpty();
            // the indexes are kept in the file, but a commit may have caught a write half done: after the kill they
            // were built again from the documents
            assertThat(SecondaryIndex.builds()).as("indexes built again after the kill").isGreaterThan(buildsBefore);
            // and they answer exactly as reading every document does, for the values moved to as for those left
            List<Document> every = referrals.find().into(new ArrayList<>());
            for (String prefix : List.of("d", "m")) {
                for (int district = 0; district < 12; district++) {
                    String name = prefix + district;
                    long stored = every.stream().filter(doc -> name.equals(doc.getString("district"))).count();
                    assertThat(referrals.countDocuments(Filters.eq("district", name))).as(name).isEqualTo(stored);
                    long neverUpdated = every.stream().filter(doc -> name.equals(doc.getString("district")) && doc.getInteger("n") == 0)
                            .count();
                    assertThat(referrals.countDocuments(Filters.and(Filters.eq("n", 0), Filters.eq("district", name))))
                            .as("never updated, " + name).isEqualTo(neverUpdated);
                }
            }
            assertThat(CollectionScans.since(scansBefore).keySet()).as("queries the indexes did not serve")
                    .noneMatch(shape -> shape.startsWith("t.referrals {district") || shape.startsWith("t.referrals {n"));
        } finally {
            reopened.shutdownNow();
        }
    }
}
