package org.saferkent.platform.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Declared indexes serve queries on both backends: the answers are exactly those of a collection without
 * indexes (the same documents, written and changed the same way), and the indexed collection is never
 * read whole for a query an index can narrow.
 */
class SecondaryIndexTest {

    @TempDir
    static Path dir;

    static Stream<String> backends() {
        return Stream.of("memory", "h2");
    }

    private static final String[] DISTRICTS = {"maidstone", "dover", "thanet", "ashford", "swale"};
    private static final String[] STATUSES = {"received", "accepted", "closed"};

    @ParameterizedTest
    @MethodSource("backends")
    void indexedQueriesAnswerExactlyAsAScanAndReadNoCollectionWhole(String kind) throws Exception {
        String file = "memory".equals(kind) ? null : Files.createTempFile(dir, "store", ".mv.db").toString();
        MongoServer server = new MongoServer(file == null ? EmbeddedBackends.memory() : EmbeddedBackends.h2(file));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> indexed = client.getDatabase("t").getCollection("indexed");
            MongoCollection<Document> plain = client.getDatabase("t").getCollection("plain");
            declareIndexes(indexed);
            Instant base = Instant.parse("2026-01-01T00:00:00Z");
            fill(indexed, plain, base);
            answerAsTheScanDoes(indexed, plain, base);
        } finally {
            server.shutdownNow();
        }
        if (file == null) {
            return;
        }
        // the H2 file keeps its indexes: opened again, it answers the same without building any
        long builds = SecondaryIndex.builds();
        MongoServer reopened = new MongoServer(EmbeddedBackends.h2(file));
        address = reopened.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            answerAsTheScanDoes(client.getDatabase("t").getCollection("indexed"), client.getDatabase("t").getCollection("plain"),
                    Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(SecondaryIndex.builds()).as("indexes built again on opening a file closed cleanly").isEqualTo(builds);
        } finally {
            reopened.shutdownNow();
        }
        org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file).readOnly().open();
        try {
            assertThat(store.getMapNames()).as("the file holds the declared indexes")
                    .contains("t.indexed._secondary_district_1_status_1", "t.indexed._secondary_nextDueAt_1", "t.indexed._secondary_tags_1");
        } finally {
            store.close();
        }
    }

    /**
     * Indexes declared on a collection that already holds its documents (as a rebuild declares its facts'
     * indexes once they are inserted) are built from them in one pass: they answer as the scan does, and later
     * changes keep them in step.
     */
    @org.junit.jupiter.api.Test
    void indexesDeclaredOnAFullCollectionAnswerAsTheScanDoes() throws Exception {
        String file = Files.createTempFile(dir, "built", ".mv.db").toString();
        MongoServer server = new MongoServer(EmbeddedBackends.h2(file));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> indexed = client.getDatabase("t").getCollection("indexed");
            MongoCollection<Document> plain = client.getDatabase("t").getCollection("plain");
            Instant base = Instant.parse("2026-01-01T00:00:00Z");
            fill(indexed, plain, base);
            long builds = SecondaryIndex.builds();
            declareIndexes(indexed);
            assertThat(SecondaryIndex.builds() - builds).as("secondary indexes built from the documents").isEqualTo(6);

            answerAsTheScanDoes(indexed, plain, base);
            indexed.updateMany(Filters.eq("district", "dover"), Updates.set("district", "deal"));
            plain.updateMany(Filters.eq("district", "dover"), Updates.set("district", "deal"));
            assertThat(indexed.find(Filters.eq("district", "deal")).sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                    .isEqualTo(plain.find(Filters.eq("district", "deal")).sort(Sorts.ascending("_id")).into(new ArrayList<>())).isNotEmpty();
            assertThat(indexed.countDocuments(Filters.eq("district", "dover"))).isZero();
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * A bulk load (the benchmark's history) keeps no secondary index while the file is open that way: its
     * queries still answer as the scan does; the next ordinary opening builds every index from the documents,
     * and they then serve queries without reading the collection whole, and follow later changes.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {300_000, 97})
    void aBulkLoadDefersTheIndexesToTheNextOpening(int buildBudget) throws Exception {
        String file = Files.createTempFile(dir, "bulk", ".mv.db").toString();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        MongoServer loading = new MongoServer(EmbeddedBackends.h2(file, false, EmbeddedBackends.DEFAULT_CACHE_MB, true));
        InetSocketAddress address = loading.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> indexed = client.getDatabase("t").getCollection("indexed");
            MongoCollection<Document> plain = client.getDatabase("t").getCollection("plain");
            declareIndexes(indexed);
            fill(indexed, plain, base);
            Map<String, Long> before = CollectionScans.snapshot();
            Bson query = Filters.and(Filters.eq("district", "dover"), Filters.eq("status", "accepted"));
            assertThat(indexed.find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                    .isEqualTo(plain.find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>())).isNotEmpty();
            assertThat(CollectionScans.since(before).keySet()).as("while loading, queries scan").anyMatch(scan -> scan.startsWith("t.indexed "));
        } finally {
            loading.shutdownNow();
        }
        long builds = SecondaryIndex.builds();
        long runs = IndexEntries.InFile.runsWritten();
        // a small budget: each index's entries sorted in many runs, written to the file, then merged
        int budget = SecondaryIndex.buildBudget;
        SecondaryIndex.buildBudget = buildBudget;
        MongoServer reopened = new MongoServer(EmbeddedBackends.h2(file, false, EmbeddedBackends.DEFAULT_CACHE_MB, false));
        address = reopened.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            assertThat(SecondaryIndex.builds() - builds).as("secondary indexes built on the next opening").isEqualTo(6);
            assertThat(IndexEntries.InFile.runsWritten() > runs).as("entries sorted in runs, then merged").isEqualTo(buildBudget < 1_000);
            MongoCollection<Document> indexed = client.getDatabase("t").getCollection("indexed");
            MongoCollection<Document> plain = client.getDatabase("t").getCollection("plain");
            answerAsTheScanDoes(indexed, plain, base);
            indexed.updateMany(Filters.eq("district", "dover"), Updates.set("district", "deal"));
            assertThat(indexed.countDocuments(Filters.eq("district", "dover"))).isZero();
            assertThat(indexed.countDocuments(Filters.eq("district", "deal")))
                    .isEqualTo(plain.countDocuments(Filters.eq("district", "dover"))).isPositive();
        } finally {
            reopened.shutdownNow();
            SecondaryIndex.buildBudget = budget;
        }
        org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file).readOnly().open();
        try {
            assertThat(store.getMapNames()).as("no sorted run left in the file").noneMatch(map -> map.startsWith(IndexEntries.InFile.RUN_PREFIX));
        } finally {
            store.close();
        }
    }

    private static void declareIndexes(MongoCollection<Document> indexed) {
        indexed.createIndex(Indexes.ascending("district", "status"));
        indexed.createIndex(Indexes.ascending("nextDueAt"), new IndexOptions().sparse(true));
        indexed.createIndex(Indexes.ascending("pseudonym"));
        indexed.createIndex(Indexes.ascending("tags"));
        indexed.createIndex(Indexes.ascending("subject.ageBand", "version"));
        indexed.createIndex(Indexes.ascending("agency", "agencyReference"), new IndexOptions().unique(true));
        indexed.createIndex(Indexes.descending("version"));
    }

    /** 600 documents written to both collections, then changed and deleted the same way. */
    private static void fill(MongoCollection<Document> indexed, MongoCollection<Document> plain, Instant base) {
        Random random = new Random(42);
        for (int i = 0; i < 600; i++) {
            Document doc = new Document("_id", "r-" + i)
                    .append("district", DISTRICTS[random.nextInt(DISTRICTS.length)])
                    .append("status", STATUSES[random.nextInt(STATUSES.length)])
                    .append("pseudonym", "p-" + random.nextInt(150))
                    .append("tags", random.nextBoolean() ? List.of("t" + random.nextInt(4), "t" + random.nextInt(4)) : List.of())
                    .append("subject", new Document("ageBand", random.nextInt(5)))
                    .append("version", (long) random.nextInt(4))
                    .append("agency", "agency-" + (i % 7))
                    .append("agencyReference", "ref-" + i);
            if (random.nextInt(3) > 0) {
                doc.append("nextDueAt", Date.from(base.plusSeconds(3600L * random.nextInt(2000))));
            } else if (random.nextBoolean()) {
                doc.append("nextDueAt", null);
            }
            indexed.insertOne(doc);
            plain.insertOne(doc);
        }
        // changes and deletes keep the indexes in step
        for (int i = 0; i < 200; i++) {
            String id = "r-" + random.nextInt(600);
            Bson change = switch (random.nextInt(4)) {
                case 0 -> Updates.set("status", STATUSES[random.nextInt(STATUSES.length)]);
                case 1 -> Updates.unset("nextDueAt");
                case 2 -> Updates.set("nextDueAt", Date.from(base.plusSeconds(3600L * random.nextInt(2000))));
                default -> Updates.combine(Updates.push("tags", "t9"), Updates.inc("version", 1L));
            };
            indexed.updateOne(Filters.eq("_id", id), change);
            plain.updateOne(Filters.eq("_id", id), change);
        }
        for (int i = 0; i < 40; i++) {
            Bson gone = Filters.eq("pseudonym", "p-" + random.nextInt(150));
            indexed.deleteMany(gone);
            plain.deleteMany(gone);
        }
    }

    private static void answerAsTheScanDoes(MongoCollection<Document> indexed, MongoCollection<Document> plain, Instant base) {
        {
            Date due = Date.from(base.plusSeconds(3600L * 1000));
            List<Bson> queries = List.of(
                    Filters.eq("district", "dover"),
                    Filters.and(Filters.eq("district", "dover"), Filters.eq("status", "accepted")),
                    Filters.and(Filters.eq("district", "thanet"), Filters.in("status", "received", "closed")),
                    Filters.and(Filters.in("district", "thanet", "swale"), Filters.ne("status", "closed")),
                    Filters.lte("nextDueAt", due),
                    Filters.and(Filters.gt("nextDueAt", due), Filters.lt("nextDueAt", Date.from(base.plusSeconds(3600L * 1500)))),
                    Filters.exists("nextDueAt"),
                    Filters.eq("pseudonym", "p-7"),
                    Filters.in("pseudonym", "p-1", "p-2", "p-3", "nobody"),
                    Filters.and(Filters.eq("pseudonym", "p-9"), Filters.or(Filters.eq("status", "closed"), Filters.eq("version", 2L))),
                    Filters.eq("tags", "t2"),
                    Filters.eq("subject.ageBand", 3),
                    Filters.and(Filters.eq("subject.ageBand", 1), Filters.gte("version", 2)),
                    Filters.and(Filters.eq("agency", "agency-3"), Filters.eq("agencyReference", "ref-17")),
                    Filters.and(Filters.eq("agency", "agency-3"), Filters.eq("agencyReference", "ref-24"), Filters.eq("status", "closed")),
                    Filters.or(Filters.in("_id", "r-5", "r-6"), Filters.in("pseudonym", "p-4", "p-5")),
                    Filters.and(Filters.eq("district", "ashford"), Filters.or(Filters.eq("tags", "t1"), Filters.lt("nextDueAt", due))));
            Map<String, Long> before = CollectionScans.snapshot();
            for (Bson query : queries) {
                List<Document> expected = plain.find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>());
                List<Document> actual = indexed.find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>());
                assertThat(actual).as(query.toString()).isEqualTo(expected);
                assertThat(indexed.countDocuments(query)).as("count " + query).isEqualTo(expected.size());
                assertThat(indexed.updateMany(query, Updates.set("seen", true)).getMatchedCount())
                        .as("update " + query).isEqualTo(expected.size());
                plain.updateMany(query, Updates.set("seen", true));
            }
            // a page of a list ordered by an indexed field walks the index, ties ordered as the sort says
            List<Bson> filters = List.of(new Document(), Filters.eq("status", "closed"), Filters.ne("district", "dover"));
            for (Bson filter : filters) {
                for (Bson order : List.of(Sorts.orderBy(Sorts.descending("version"), Sorts.ascending("_id")),
                        Sorts.orderBy(Sorts.ascending("version"), Sorts.descending("_id")))) {
                    for (int[] page : new int[][] {{0, 1}, {0, 7}, {4, 7}, {150, 20}, {590, 50}}) {
                        List<Document> expected = plain.find(filter).sort(order).skip(page[0]).limit(page[1]).into(new ArrayList<>());
                        List<Document> actual = indexed.find(filter).sort(order).skip(page[0]).limit(page[1]).into(new ArrayList<>());
                        assertThat(actual).as(filter + " " + order + " " + page[0] + "/" + page[1]).isEqualTo(expected);
                    }
                }
            }
            assertThat(CollectionScans.since(before).keySet()).as("scans of the indexed collection")
                    .noneMatch(shape -> shape.startsWith("t.indexed "));

            // a query the indexes cannot narrow still answers, and is counted as the scan it is
            assertThat(indexed.countDocuments(Filters.eq("status", "closed")))
                    .isEqualTo(plain.countDocuments(Filters.eq("status", "closed")));
            assertThat(CollectionScans.since(before)).containsKey("t.indexed {status: ?}");
        }
    }
}
