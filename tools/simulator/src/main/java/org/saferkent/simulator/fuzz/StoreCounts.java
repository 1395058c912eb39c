package org.saferkent.simulator.fuzz;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The number of documents in every collection of the services' databases, to compare before and after a run:
 * a run of hostile requests must store nothing. Collections that grow with every request by design, whatever it
 * carried, are left out of the comparison (and shown apart): {@value #AUDIT_TRAIL}, where every refusal by the
 * access rules and every read of personal data is recorded (the fuzz reads personal data with unknown ids, and a
 * wrong method may be refused by the access rules), and ops-monitor's own records of the services' operational
 * events (heartbeats arrive whatever the fuzz does).
 */
public final class StoreCounts {

    public static final String AUDIT_TRAIL = "audit_trail";

    /** {@code database.collection} or {@code *.collection} (any database): counted, not compared. */
    public static final Set<String> EXCLUDED = Set.of("*." + AUDIT_TRAIL);

    private StoreCounts() {
    }

    /** {@code database.collection} to its number of documents, for every collection of {@code databases}. */
    public static Map<String, Long> count(String mongoUri, Iterable<String> databases) {
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(mongoUri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS)).build();
        Map<String, Long> counts = new TreeMap<>();
        try (MongoClient mongo = MongoClients.create(settings)) {
            for (String name : databases) {
                MongoDatabase database = mongo.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    if (!collection.startsWith("system.")) {
                        counts.put(name + "." + collection, database.getCollection(collection).countDocuments());
                    }
                }
            }
        }
        return counts;
    }

    public static boolean excluded(String collection, Set<String> excluded) {
        String name = collection.substring(collection.indexOf('.') + 1);
        return excluded.contains(collection) || excluded.contains("*." + name);
    }

    /** What changed, collection to {@code before -> after}, of the collections compared. */
    public static Map<String, String> changes(Map<String, Long> before, Map<String, Long> after, Set<String> excluded) {
        Map<String, String> changes = new TreeMap<>();
        Set<String> all = new TreeSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String collection : all) {
            long was = before.getOrDefault(collection, 0L);
            long is = after.getOrDefault(collection, 0L);
            if (was != is && !excluded(collection, excluded)) {
                changes.put(collection, was + " -> " + is);
            }
        }
        return changes;
    }
}
