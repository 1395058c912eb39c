package org.saferkent.commissioning.performance.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.saferkent.platform.outbox.DuplicateKeys;
import org.saferkent.commissioning.activity.application.ProjectionVersions;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import tools.jackson.databind.json.JsonMapper;

/**
 * The performance projection: one document per contract × district × quarter holding its snapshot,
 * the feed sequence of its latest change and whether that change has been published to Kafka.
 * Versioned like the facts (a rebuild fills a fresh collection).
 */
public class PerformanceStore {

    static final String BASE = "performance";
    static final String MARKS_BASE = "performance_contract_marks";
    static final String SEQUENCE = "sequence";
    static final String PUBLISHED = "published";
    static final String REMOVED = "removed";
    static final String SNAPSHOT = "snapshot";

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final FeedSequence sequence;

    PerformanceStore(MongoTemplate mongo, JsonMapper json, FeedSequence sequence) {
        this.mongo = mongo;
        this.json = json;
        this.sequence = sequence;
    }

    static String collection(int version) {
        return ProjectionVersions.name(BASE, version);
    }

    static String marksCollection(int version) {
        return ProjectionVersions.name(MARKS_BASE, version);
    }

    MongoCollection<Document> documents(int version) {
        return mongo.getCollection(collection(version));
    }

    /** Every query below names one of these; a store that refuses one is an error, not a reason to scan. */
    void ensureIndexes(int version) {
        MongoCollection<Document> docs = documents(version);
        docs.createIndex(Indexes.ascending(SEQUENCE));
        docs.createIndex(Indexes.ascending(PUBLISHED, SEQUENCE));
        docs.createIndex(Indexes.ascending("district", "quarter"));
        docs.createIndex(Indexes.ascending("quarter")); // the PCC's view of one quarter, every district
        docs.createIndex(Indexes.ascending("contractId"));
    }

    Map<String, Document> find(int version, Bson filter) {
        Map<String, Document> found = new LinkedHashMap<>();
        documents(version).find(filter).forEach(doc -> found.put(doc.getString("_id"), doc));
        return found;
    }

    Map<String, Document> forDistrict(int version, String district, Collection<String> quarters) {
        return find(version, Filters.and(Filters.eq("district", district), Filters.in("quarter", quarters)));
    }

    Map<String, Document> forContract(int version, String contractId) {
        return find(version, Filters.eq("contractId", contractId));
    }

    /** Stores the snapshot as the cell's latest change, unless it equals what is stored. @return whether it changed */
    boolean save(int version, PerformanceSnapshot snapshot, Document stored) {
        if (stored != null && !Boolean.TRUE.equals(stored.getBoolean(REMOVED)) && snapshot.equals(snapshot(stored))) {
            return false;
        }
        Document changed = document(snapshot, sequence.next(), false);
        try {
            documents(version).replaceOne(Filters.eq("_id", snapshot.key()), changed, new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
            // created a moment ago by another writer (a store that does not retry that itself): it exists now
            documents(version).replaceOne(Filters.eq("_id", snapshot.key()), changed);
        }
        return true;
    }

    /** The contract no longer covers the cell: a change of its own in the feed. */
    void remove(int version, Document stored) {
        if (Boolean.TRUE.equals(stored.getBoolean(REMOVED))) {
            return;
        }
        documents(version).updateOne(Filters.eq("_id", stored.getString("_id")), Updates.combine(
                Updates.set(REMOVED, true), Updates.set(PUBLISHED, false), Updates.set(SEQUENCE, sequence.next()),
                Updates.set(SNAPSHOT, null)));
    }

    Document document(PerformanceSnapshot snapshot, long sequenceNumber, boolean published) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.convertValue(snapshot, Map.class);
        return new Document("_id", snapshot.key()).append("contractId", snapshot.contractId())
                .append("district", snapshot.district()).append("quarter", snapshot.quarter())
                .append(SEQUENCE, sequenceNumber).append(PUBLISHED, published).append(REMOVED, false)
                .append(SNAPSHOT, new Document(fields));
    }

    static Document removedDocument(Document stored, long sequenceNumber) {
        return new Document("_id", stored.getString("_id")).append("contractId", stored.getString("contractId"))
                .append("district", stored.getString("district")).append("quarter", stored.getString("quarter"))
                .append(SEQUENCE, sequenceNumber).append(PUBLISHED, false).append(REMOVED, true).append(SNAPSHOT, null);
    }

    PerformanceSnapshot snapshot(Document stored) {
        Document fields = stored.get(SNAPSHOT, Document.class);
        return fields == null ? null : json.convertValue(fields, PerformanceSnapshot.class);
    }

    FeedEntry entry(Document stored) {
        return new FeedEntry(((Number) stored.get(SEQUENCE)).longValue(), stored.getString("_id"), stored.getString("contractId"),
                stored.getString("district"), stored.getString("quarter"), Boolean.TRUE.equals(stored.getBoolean(REMOVED)),
                snapshot(stored));
    }

    List<Document> unpublished(int version, int limit) {
        return documents(version).find(Filters.eq(PUBLISHED, false)).sort(Sorts.ascending(SEQUENCE)).limit(limit)
                .into(new ArrayList<>());
    }

    void markPublished(int version, String key, long sequenceNumber) {
        documents(version).updateOne(Filters.and(Filters.eq("_id", key), Filters.eq(SEQUENCE, sequenceNumber)),
                Updates.set(PUBLISHED, true));
    }

    /** Changes numbered after {@code after}, in order. */
    List<FeedEntry> after(int version, long after, int limit) {
        return documents(version).find(Filters.gt(SEQUENCE, after)).sort(Sorts.ascending(SEQUENCE)).limit(limit)
                .map(this::entry).into(new ArrayList<>());
    }

    long highestSequence(int version) {
        Document last = documents(version).find().sort(Sorts.descending(SEQUENCE)).limit(1).first();
        return last == null ? 0 : ((Number) last.get(SEQUENCE)).longValue();
    }

    /** The cells as they stand (removed ones left out), by contract, district and quarter. */
    List<FeedEntry> current(int version, String contractId, String district, String quarter) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.ne(REMOVED, true)));
        if (contractId != null) {
            filters.add(Filters.eq("contractId", contractId));
        }
        if (district != null) {
            filters.add(Filters.eq("district", district));
        }
        if (quarter != null) {
            filters.add(Filters.eq("quarter", quarter));
        }
        return documents(version).find(Filters.and(filters))
                .sort(Sorts.ascending("contractId", "district", "quarter")).map(this::entry).into(new ArrayList<>());
    }

    FeedSequence sequence() {
        return sequence;
    }
}
