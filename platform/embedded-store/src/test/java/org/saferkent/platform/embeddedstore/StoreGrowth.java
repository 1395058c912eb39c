package org.saferkent.platform.embeddedstore;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.h2.mvstore.MVStore;

/**
 * How big the H2 store's file grows for the data it holds, written the way the services write: single
 * writes from several writers, each answered after its commit. Per "referral" a writer inserts an
 * aggregate carrying a pending event (indexed by {@code relayDue} and {@code district}), inserts an
 * idempotence marker, claims the aggregate and pulls its event (two updates, as the outbox relay does),
 * inserts an outbox row, marks it published and deletes it 20 referrals later, and every third referral
 * updates an earlier aggregate again. About 8.5 writes per referral, documents of 0.2 to 1 KB.
 *
 * <p>Run by hand: {@code java -cp <test classpath> org.saferkent.platform.embeddedstore.StoreGrowth
 * [referrals] [writers] [file] [fsync]} (the store's knobs as system properties: {@code saferkent.store.cache-mb},
 * {@code saferkent.store.compress}, {@code saferkent.store.page-split-bytes}); {@link StoreGrowthTest} runs a small
 * one in the build.
 */
public final class StoreGrowth {

    /** What a run measured. */
    public record Result(int referrals, long fileBytes, long logicalBytes, double seconds, Map<String, String> info) {

        public double fileBytesPerLogicalKb() {
            return fileBytes / (logicalBytes / 1024.0);
        }

        public double referralsPerSecond() {
            return referrals / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%,d referrals in %.1f s (%.0f /s): file %,d bytes, live documents %,d bytes: %.1f file bytes per logical KB, %,.0f file bytes per referral; %s",
                    referrals, seconds, referralsPerSecond(), fileBytes, logicalBytes, fileBytesPerLogicalKb(),
                    (double) fileBytes / referrals, info);
        }
    }

    private static final String PAYLOAD = "x".repeat(380);

    private StoreGrowth() {
    }

    public static void main(String[] args) throws Exception {
        int referrals = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int writers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path file = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("store-growth").resolve("store.mv.db");
        Files.deleteIfExists(file);
        boolean fsync = args.length > 3 && "fsync".equals(args[3]);
        Result result = run(file, fsync, referrals, writers, Math.max(1, referrals / 10), System.out::println);
        System.out.println(result);
    }

    /**
     * Writes {@code referrals} referrals' documents into a new store at {@code file} from {@code writers}
     * writers, reporting progress every {@code every} referrals.
     */
    public static Result run(Path file, int referrals, int writers, int every, Consumer<String> progress) throws Exception {
        return run(file, false, referrals, writers, every, progress);
    }

    /** As {@link #run(Path, int, int, int, Consumer)}, each commit forced to the disk if {@code fsync}. */
    public static Result run(Path file, boolean fsync, int referrals, int writers, int every, Consumer<String> progress)
            throws Exception {
        // the page cache as the local stack sizes it (-Dsaferkent.store.cache-mb, MongoWireServer)
        H2Backend backend = EmbeddedBackends.h2(file.toString(), fsync,
                Integer.getInteger("saferkent.store.cache-mb", EmbeddedBackends.DEFAULT_CACHE_MB));
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        long start = System.nanoTime();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoDatabase db = client.getDatabase("growth");
            MongoCollection<Document> aggregates = db.getCollection("referrals");
            MongoCollection<Document> processed = db.getCollection("processed_events");
            MongoCollection<Document> outbox = db.getCollection("outbox");
            aggregates.createIndex(Indexes.ascending("relayDue"), new IndexOptions().sparse(true));
            aggregates.createIndex(Indexes.ascending("district"));
            outbox.createIndex(Indexes.ascending("published", "createdAt"));

            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                running.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    List<String> rows = new ArrayList<>();
                    int n;
                    while ((n = next.getAndIncrement()) < referrals) {
                        writeReferral(aggregates, processed, outbox, n, mine, rows);
                        if ((n + 1) % every == 0) {
                            progress.accept(progress(file, backend.getMvStore(), n + 1, start));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            long logical = 0;
            for (String name : db.listCollectionNames()) {
                for (RawBsonDocument doc : db.getCollection(name, RawBsonDocument.class).find()) {
                    logical += doc.getByteBuffer().remaining();
                }
            }
            return new Result(referrals, Files.size(file), logical, seconds, info(backend.getMvStore()));
        } finally {
            server.shutdownNow();
        }
    }

    private static void writeReferral(MongoCollection<Document> aggregates, MongoCollection<Document> processed,
            MongoCollection<Document> outbox, int n, List<String> mine, List<String> rows) {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Date now = new Date();
        Document event = new Document("eventId", eventId).append("topic", "referrals.referral-created")
                .append("key", id).append("payload", PAYLOAD).append("at", now);
        aggregates.insertOne(new Document("_id", id).append("version", 1L).append("status", "RECEIVED")
                .append("district", "district-" + (n % 12)).append("receivedAt", now)
                .append("reference", "REF-" + n).append("summary", PAYLOAD.substring(0, 200))
                .append("appliedEvents", List.of(eventId)).append("pendingEvents", List.of(event))
                .append("relayDue", now));
        processed.insertOne(new Document("_id", eventId).append("consumer", "victims").append("at", now));
        // the relay claims the aggregate, publishes, pulls the event
        aggregates.updateOne(Filters.eq("_id", id), Updates.set("relayLease",
                new Document("owner", "relay-1").append("until", new Date(now.getTime() + 30_000))));
        aggregates.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.pull("pendingEvents", new Document("eventId", eventId)),
                Updates.unset("relayDue"), Updates.unset("relayLease")));
        // an outbox row, marked published, deleted later
        String row = UUID.randomUUID().toString();
        outbox.insertOne(new Document("_id", row).append("topic", "victims.case-opened").append("key", id)
                .append("payload", PAYLOAD).append("published", false).append("createdAt", now));
        outbox.updateOne(Filters.eq("_id", row), Updates.set("published", true));
        rows.add(row);
        if (rows.size() > 20) {
            outbox.deleteOne(Filters.eq("_id", rows.remove(0)));
        }
        mine.add(id);
        if (n % 3 == 0 && mine.size() > 2) {
            String earlier = mine.get(mine.size() - 3);
            aggregates.updateOne(Filters.eq("_id", earlier), Updates.combine(Updates.set("status", "ASSESSED"),
                    Updates.push("appliedEvents", UUID.randomUUID().toString()), Updates.inc("version", 1L)));
        }
        if (mine.size() > 100) {
            mine.remove(0);
        }
    }

    private static String progress(Path file, MVStore store, int done, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        long size;
        try {
            size = Files.size(file);
        } catch (Exception e) {
            size = -1;
        }
        return String.format(Locale.ROOT, "%,d referrals, %.1f s (%.0f /s): file %,d bytes (%,.0f a referral) %s",
                done, seconds, done / seconds, size, (double) size / done, info(store));
    }

    static Map<String, String> info(MVStore store) {
        Map<String, String> info = new TreeMap<>();
        store.populateInfo((k, v) -> {
            if (k.contains("FILL_RATE") || k.contains("CHUNK_COUNT") || k.contains("PAGE_COUNT") || k.contains("FILE_WRITE_BYTES")
                    || k.contains("PAGE_SIZE")) {
                info.put(k.substring(k.indexOf('.') + 1), v);
            }
        });
        info.put("RETENTION_MS", Integer.toString(store.getRetentionTime()));
        return info;
    }
}
