package org.saferkent.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saferkent.platform.test.RealInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distinct events creating the same document at the same moment (commissioning writes one fact from
 * three topics) are each applied exactly once, and a redelivery of any of them changes nothing. Run on
 * the shared test store and on one whose upserts race as MongoDB's do ({@link RacingUpsertsStore}).
 */
class IdempotentWritesIT {

    private static final int THREADS = 8;
    private static final int DOCUMENTS = 50;

    private static RacingUpsertsStore racing;

    @BeforeAll
    static void startRacingStore() {
        racing = new RacingUpsertsStore();
    }

    @AfterAll
    static void stopRacingStore() {
        racing.close();
    }

    static Stream<Arguments> stores() {
        return Stream.of(
                Arguments.of("the shared test store", (Supplier<String>) () -> RealInfrastructure.get().mongoUri()),
                Arguments.of("a store whose upserts race as MongoDB's do", (Supplier<String>) () -> racing.uri()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void distinctEventsCreatingOneDocumentAtOnceAreEachAppliedOnceAndRedeliveriesChangeNothing(String store,
            Supplier<String> uri) throws Exception {
        try (MongoClient client = MongoClients.create(uri.get())) {
            MongoTemplate mongo = new MongoTemplate(client, "idempotent-writes-" + UUID.randomUUID().toString().substring(0, 8));
            IdempotentWrites writes = new IdempotentWrites(mongo);
            String collection = "facts";

            List<Boolean> first = applyAllAtOnce(writes, collection);
            assertThat(first).as("every distinct event applied now").hasSize(THREADS * DOCUMENTS).containsOnly(true);
            assertEveryDocumentHasEveryEventOnce(mongo, collection);

            List<Boolean> again = applyAllAtOnce(writes, collection);
            assertThat(again).as("every redelivery recognised").hasSize(THREADS * DOCUMENTS).containsOnly(false);
            assertEveryDocumentHasEveryEventOnce(mongo, collection);
        }
    }

    /**
     * A consumer's batch, one bulk write per thread: two events per document in each batch, every thread's
     * batch creating the same documents at once, one batch partly applied before (a crash between the
     * event-by-event writes of old and the batch), then every batch delivered again.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void batchesInOneBulkWriteApplyEachEventOnceWhateverWasAppliedBeforeAndWhateverRacesThem(String store,
            Supplier<String> uri) throws Exception {
        try (MongoClient client = MongoClients.create(uri.get())) {
            MongoTemplate mongo = new MongoTemplate(client, "idempotent-bulk-" + UUID.randomUUID().toString().substring(0, 8));
            IdempotentWrites writes = new IdempotentWrites(mongo);
            String collection = "facts";
            for (int d = 0; d < DOCUMENTS; d++) { // thread 0's first event on every document, already applied
                assertThat(writes.applyOnce(collection, "doc-" + d, "event-t0-" + d + "-a", change("event-t0-" + d + "-a"))).isTrue();
            }

            List<Integer> first = applyBatchesAtOnce(writes, collection);
            assertThat(first.get(0)).as("the events not applied before").isEqualTo(DOCUMENTS);
            assertThat(first.subList(1, THREADS)).containsOnly(2 * DOCUMENTS);
            assertEveryDocumentHasEveryBatchedEventOnce(mongo, collection);

            assertThat(applyBatchesAtOnce(writes, collection)).as("every batch delivered again").containsOnly(0);
            assertEveryDocumentHasEveryBatchedEventOnce(mongo, collection);
        }
    }

    private static Update change(String eventId) {
        return new Update().inc("count", 1).push("seen", eventId).set("last", eventId);
    }

    private static List<Integer> applyBatchesAtOnce(IdempotentWrites writes, String collection) throws Exception {
        CyclicBarrier together = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String thread = "t" + t;
                results.add(pool.submit(() -> {
                    List<IdempotentWrites.Change> batch = new ArrayList<>();
                    for (int d = 0; d < DOCUMENTS; d++) {
                        for (String part : List.of("a", "b")) {
                            String eventId = "event-" + thread + "-" + d + "-" + part;
                            batch.add(new IdempotentWrites.Change("doc-" + d, eventId, change(eventId)));
                        }
                    }
                    together.await(30, TimeUnit.SECONDS);
                    return writes.applyOnce(collection, batch);
                }));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<Integer> result : results) {
                all.add(result.get(2, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertEveryDocumentHasEveryBatchedEventOnce(MongoTemplate mongo, String collection) {
        List<Document> docs = mongo.getCollection(collection).find().into(new ArrayList<>());
        assertThat(docs).hasSize(DOCUMENTS);
        for (Document doc : docs) {
            String d = doc.getString("_id").substring("doc-".length());
            List<String> expected = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                expected.add("event-t" + t + "-" + d + "-a");
                expected.add("event-t" + t + "-" + d + "-b");
            }
            assertThat(doc.getList("seen", String.class)).as(doc.getString("_id")).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(((Number) doc.get("count")).intValue()).as(doc.getString("_id")).isEqualTo(2 * THREADS);
        }
    }

    /** Each thread applies its own event to document 0, then 1, ...: all threads start each document together. */
    private static List<Boolean> applyAllAtOnce(IdempotentWrites writes, String collection) throws Exception {
        CyclicBarrier together = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Boolean>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String thread = "t" + t;
                Callable<List<Boolean>> work = () -> {
                    List<Boolean> applied = new ArrayList<>();
                    for (int d = 0; d < DOCUMENTS; d++) {
                        together.await(30, TimeUnit.SECONDS);
                        String eventId = "event-" + thread + "-" + d;
                        applied.add(writes.applyOnce(collection, "doc-" + d, eventId,
                                new Update().inc("count", 1).push("seen", eventId).set("last", eventId)));
                    }
                    return applied;
                };
                results.add(pool.submit(work));
            }
            List<Boolean> all = new ArrayList<>();
            for (Future<List<Boolean>> result : results) {
                all.addAll(result.get(2, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertEveryDocumentHasEveryEventOnce(MongoTemplate mongo, String collection) {
        List<Document> docs = mongo.getCollection(collection).find().into(new ArrayList<>());
        assertThat(docs).hasSize(DOCUMENTS);
        for (Document doc : docs) {
            String d = doc.getString("_id").substring("doc-".length());
            List<String> expected = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                expected.add("event-t" + t + "-" + d);
            }
            assertThat(doc.getList("seen", String.class)).as(doc.getString("_id")).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(((Number) doc.get("count")).intValue()).as(doc.getString("_id")).isEqualTo(THREADS);
        }
    }
}
