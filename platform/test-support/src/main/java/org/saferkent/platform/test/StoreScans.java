package org.saferkent.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.saferkent.platform.embeddedstore.CollectionScans;
import org.saferkent.platform.embeddedstore.DocumentsExamined;

/**
 * The queries the test store answered by reading a whole collection, so a test can prove that the work it
 * drove used an index for every query.
 * <ul>
 * <li>On the embedded store (mongo-java-server with SaferKent's indexes) the store counts them itself:
 * {@link CollectionScans}.</li>
 * <li>On a real MongoDB (Testcontainers) the profiler records every operation of the service databases
 * after {@link #mark()}, and a {@code COLLSCAN} plan is a scan, as {@code explain} would say.</li>
 * </ul>
 * Shapes name collections and fields, never values.
 */
public final class StoreScans {

    /** Where counting started. */
    public record Mark(Map<String, Long> embedded, Map<String, DocumentsExamined.Examined> examined, List<String> profiled) {
    }

    private StoreScans() {
    }

    /** Starts counting now (on MongoDB: switches the profiler on for {@code databases}). */
    public static Mark mark(String... databases) {
        RealInfrastructure store = RealInfrastructure.get();
        if (!"containers".equals(store.kind())) {
            return new Mark(CollectionScans.snapshot(), DocumentsExamined.snapshot(), List.of());
        }
        try (MongoClient client = MongoClients.create(store.mongoUri())) {
            for (String database : databases) {
                MongoDatabase db = client.getDatabase(database);
                db.runCommand(new Document("profile", 0));
                db.getCollection("system.profile").drop();
                db.runCommand(new Document("profile", 2));
            }
        }
        return new Mark(Map.of(), Map.of(), List.of(databases));
    }

    /** Collection scans since {@code mark}, by "database.collection {query shape}" with their counts. */
    public static Map<String, Long> since(Mark mark) {
        RealInfrastructure store = RealInfrastructure.get();
        if (!"containers".equals(store.kind())) {
            return CollectionScans.since(mark.embedded());
        }
        Map<String, Long> scans = new TreeMap<>();
        profiled(store, mark, new Document("planSummary", "COLLSCAN"), (shape, op) -> scans.merge(shape, 1L, Long::sum));
        return scans;
    }

    /**
     * What the queries an index served since {@code mark} examined, by "database.collection {query shape}": how
     * many ran and the documents the index handed them (MongoDB: the profiler's {@code docsExamined}), so a test
     * can show the narrowest index served a query, not only some index.
     */
    public static Map<String, DocumentsExamined.Examined> examined(Mark mark) {
        RealInfrastructure store = RealInfrastructure.get();
        if (!"containers".equals(store.kind())) {
            return DocumentsExamined.since(mark.examined());
        }
        Map<String, DocumentsExamined.Examined> examined = new TreeMap<>();
        profiled(store, mark, new Document("planSummary", new Document("$regex", "^IXSCAN|^IDHACK|^EXPRESS")), (shape, op) -> {
            long documents = op.get("docsExamined") instanceof Number n ? n.longValue() : 0;
            examined.merge(shape, new DocumentsExamined.Examined(1, documents),
                    (x, y) -> new DocumentsExamined.Examined(x.queries() + y.queries(), x.documents() + y.documents()));
        });
        return examined;
    }

    /**
     * Each operation the profiler recorded since {@code mark} that matches {@code filter}, with its
     * "database.collection {query shape}" (the server's own namespaces left out).
     */
    private static void profiled(RealInfrastructure store, Mark mark, Document filter,
            java.util.function.BiConsumer<String, Document> each) {
        try (MongoClient client = MongoClients.create(store.mongoUri())) {
            for (String database : mark.profiled()) {
                for (Document op : client.getDatabase(database).getCollection("system.profile").find(filter).into(new ArrayList<>())) {
                    String ns = op.getString("ns");
                    if (ns == null || ns.contains(".system.")) {
                        continue;
                    }
                    Object command = op.get("command");
                    Object query = command instanceof Document c ? firstOf(c, "filter", "q", "query") : null;
                    each.accept(ns + " " + CollectionScans.shape(query), op);
                }
            }
        }
    }

    private static Object firstOf(Document command, String... keys) {
        for (String key : keys) {
            if (command.containsKey(key)) {
                return command.get(key);
            }
        }
        return null;
    }
}
