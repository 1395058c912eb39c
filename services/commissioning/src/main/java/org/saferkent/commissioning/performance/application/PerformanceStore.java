package org.saferkent.commissioning.performance.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.saferkent.commissioning.activity.application.ProjectionVersions;
import org.saferkent.commissioning.performance.domain.PccDisclosure;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;
import org.saferkent.commissioning.performance.domain.PublishedSnapshot;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

import tools.jackson.databind.json.JsonMapper;

/**
 * The performance projection: one document per contract × district × quarter holding its snapshot,
 * the feed sequence of its latest change and whether that change has been published to Kafka.
 * Versioned like the facts (a rebuild fills a fresh collection). A cell is only ever written over a
 * lower sequence, and readers see sequences up to the lease's {@code visible} only: see
 * {@link ProjectionLease} for the fence this makes with it.
 */
public class PerformanceStore {

    static final String BASE = "performance";
    static final String MARKS_BASE = "performance_contract_marks";
    static final String SEQUENCE = "sequence";
    static final String PUBLISHED = "published";
    static final String REMOVED = "removed";
    static final String SNAPSHOT = "snapshot";
    static final String REPUBLISH = "republish";

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final FeedSequence sequence;
    private final PccDisclosure disclosure;

    PerformanceStore(MongoTemplate mongo, JsonMapper json, FeedSequence sequence, PccDisclosure disclosure) {
        this.mongo = mongo;
        this.json = json;
        this.sequence = sequence;
        this.disclosure = disclosure;
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

    /**
     * One cell's change in a round: its new snapshot, or its removal ({@code snapshot} null). A cell numbered again
     * only because another cell's change altered what the PCC's office sees of it ({@link #withRepublished}) is a
     * change too: its published form goes out on the PCC office's topic (and its exact snapshot, unchanged, again
     * on the exact one: a cell is published on both or neither).
     */
    record Change(String key, PerformanceSnapshot snapshot) {

        static Change of(PerformanceSnapshot snapshot) {
            return new Change(snapshot.key(), snapshot);
        }

        static Change removal(String key) {
            return new Change(key, null);
        }
    }

    /** The contract × quarter a key names: {@code <contractId>|<quarter>}, the table the PCC's figures are protected in. */
    static String group(String key) {
        String[] parts = key.split("\\|", 3);
        return parts[0] + "|" + parts[2];
    }

    /**
     * The round's changes, and every other cell of the same contracts × quarters whose published form
     * ({@link PccDisclosure}) they alter, for example a district whose count becomes the complement of a newly
     * suppressed one, or stops being one: those are numbered again (their exact snapshot unchanged) and published
     * again, so that a reader of the feeds (HTTP after a cursor, or the PCC office's topic) sees every change of what
     * it is shown.
     */
    List<Change> withRepublished(int version, List<Change> changes) {
        Map<String, Change> byKey = new LinkedHashMap<>();
        Map<String, List<Change>> byGroup = new LinkedHashMap<>();
        for (Change change : changes) {
            byKey.put(change.key(), change);
            byGroup.computeIfAbsent(group(change.key()), g -> new ArrayList<>()).add(change);
        }
        List<Change> all = new ArrayList<>(changes);
        for (Map.Entry<String, List<Change>> group : byGroup.entrySet()) {
            String[] parts = group.getKey().split("\\|", 2);
            Map<String, Document> stored = find(version, Filters.and(Filters.eq("contractId", parts[0]), Filters.eq("quarter", parts[1])));
            Map<String, PerformanceSnapshot> before = new LinkedHashMap<>();
            stored.forEach((key, doc) -> {
                if (!Boolean.TRUE.equals(doc.getBoolean(REMOVED))) {
                    before.put(key, snapshot(doc));
                }
            });
            Map<String, PerformanceSnapshot> after = new LinkedHashMap<>(before);
            for (Change change : group.getValue()) {
                if (change.snapshot() == null) {
                    after.remove(change.key());
                } else {
                    after.put(change.key(), change.snapshot());
                }
            }
            Map<String, PublishedSnapshot> formsBefore = disclosure.publish(List.copyOf(before.values()));
            Map<String, PublishedSnapshot> formsAfter = disclosure.publish(List.copyOf(after.values()));
            after.forEach((key, snapshot) -> {
                if (!byKey.containsKey(key) && !Objects.equals(formsBefore.get(snapshot.district()), formsAfter.get(snapshot.district()))) {
                    all.add(new Change(key, snapshot)); // unpublished: its new published form is not on the PCC's topic yet
                }
            });
        }
        return all;
    }

    /** The published forms of these stored cells' contracts × quarters, by key (and {@code <contractId>|kent|<quarter>}). */
    Map<String, PublishedSnapshot> published(Collection<Document> cells) {
        Map<String, List<PerformanceSnapshot>> groups = new LinkedHashMap<>();
        for (Document cell : cells) {
            List<PerformanceSnapshot> group = groups.computeIfAbsent(group(cell.getString("_id")), g -> new ArrayList<>());
            if (!Boolean.TRUE.equals(cell.getBoolean(REMOVED))) {
                group.add(snapshot(cell));
            }
        }
        Map<String, PublishedSnapshot> forms = new LinkedHashMap<>();
        groups.values().forEach(group -> disclosure.publish(group).values().forEach(form ->
                forms.put(PerformanceSnapshot.key(form.contractId(), form.district(), form.quarter()), form)));
        return forms;
    }

    /** Every stored cell (removed ones too) of these contracts × quarters ({@code <contractId>|<quarter>}). */
    List<Document> groups(int version, Collection<String> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        Set<String> contracts = new HashSet<>();
        Set<String> quarters = new HashSet<>();
        groups.forEach(group -> {
            String[] parts = group.split("\\|", 2);
            contracts.add(parts[0]);
            quarters.add(parts[1]);
        });
        return documents(version).find(Filters.and(Filters.in("contractId", contracts), Filters.in("quarter", quarters)))
                .into(new ArrayList<>()).stream().filter(doc -> groups.contains(group(doc.getString("_id")))).toList();
    }

    /** Whether {@code snapshot} differs from what is stored (a removed or missing cell differs from any). */
    boolean differs(PerformanceSnapshot snapshot, Document stored) {
        return stored == null || Boolean.TRUE.equals(stored.getBoolean(REMOVED)) || !snapshot.equals(snapshot(stored));
    }

    /**
     * Writes a round's changes under the lease's fence: reserves a number for each, names the cells in
     * the lease ({@link ProjectionLease.Hold#stage}), writes each cell only over a lower sequence, and
     * commits the numbers to readers ({@link ProjectionLease.Hold#commit}). A holder that lost the
     * lease without knowing is refused at the first of these it reaches: at the stage or the commit,
     * or at a cell the new holder wrote again (it inherits the staged cells and writes them with higher
     * numbers before it commits anything).
     *
     * @throws ProjectionLease.LeaseLostException when the lease is no longer ours: the round stops
     */
    void write(int version, List<Change> changes, ProjectionLease.Hold hold) {
        if (changes.isEmpty()) {
            return;
        }
        changes = withRepublished(version, changes);
        long last = sequence.reserve(changes.size());
        hold.stage(changes.stream().map(Change::key).toList());
        beforeCellWrites.run();
        long number = last - changes.size();
        List<Document> cells = new ArrayList<>(changes.size());
        for (Change change : changes) {
            number++;
            cells.add(change.snapshot() == null ? removedDocument(change.key(), number) : document(change.snapshot(), number, false));
        }
        if (!replaceOlder(version, cells)) {
            throw new ProjectionLease.LeaseLostException(); // a newer holder wrote one of these cells: ours are stale
        }
        hold.commit(last);
    }

    /** For tests: runs after a round's numbers are reserved and its cells named, before they are written. */
    volatile Runnable beforeCellWrites = () -> { };

    /**
     * Replaces (or creates) each cell where what is stored has a lower sequence: one unordered bulk write for
     * the round (each write alone cost a commit of the store), every cell's outcome read from its result.
     * A cell whose upsert met a duplicate key exists with a sequence as high or higher, or was created a
     * moment ago: it is tried again alone, without upsert, so only a lower sequence is replaced.
     *
     * @return false if a higher sequence is stored for any of them (the cells whose stored sequence was
     *         lower are written: the newer holder writes every staged cell again, with higher numbers)
     */
    private boolean replaceOlder(int version, List<Document> cells) {
        List<ReplaceOneModel<Document>> writes = cells.stream().map(cell -> new ReplaceOneModel<>(older(cell), cell,
                new ReplaceOptions().upsert(true))).toList();
        List<Integer> existing = new ArrayList<>();
        try {
            documents(version).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(error.getIndex());
            }
        }
        boolean allWritten = true;
        for (int index : existing) {
            Document cell = cells.get(index);
            allWritten &= documents(version).replaceOne(older(cell), cell).getMatchedCount() > 0;
        }
        return allWritten;
    }

    private static Bson older(Document cell) {
        return Filters.and(Filters.eq("_id", cell.getString("_id")), Filters.lt(SEQUENCE, cell.get(SEQUENCE)));
    }

    Document document(PerformanceSnapshot snapshot, long sequenceNumber, boolean published) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.convertValue(snapshot, Map.class);
        return new Document("_id", snapshot.key()).append("contractId", snapshot.contractId())
                .append("district", snapshot.district()).append("quarter", snapshot.quarter())
                .append(SEQUENCE, sequenceNumber).append(PUBLISHED, published).append(REMOVED, false)
                .append(SNAPSHOT, new Document(fields));
    }

    /** A removed cell named by its key {@code <contractId>|<district>|<quarter>}. */
    static Document removedDocument(String key, long sequenceNumber) {
        String[] parts = key.split("\\|", 3);
        return removedDocument(new Document("_id", key).append("contractId", parts[0]).append("district", parts[1])
                .append("quarter", parts[2]), sequenceNumber);
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

    /** The highest sequence readers may see: every change numbered up to it is final ({@link ProjectionLease}). */
    long visible() {
        return ProjectionLease.visible(mongo);
    }

    /** The changes readers may see that are not on the feed topics yet, in order. */
    List<Document> unpublished(int version, int limit) {
        return documents(version).find(Filters.and(Filters.eq(PUBLISHED, false), Filters.lte(SEQUENCE, visible())))
                .sort(Sorts.ascending(SEQUENCE)).limit(limit).into(new ArrayList<>());
    }

    /**
     * Marks each change published, unless its cell changed since it was read (or was sent again meanwhile:
     * {@link #republish}). One unordered bulk write for the batch: a write each cost a commit of the store each.
     */
    void markPublished(int version, List<Document> sent) {
        if (sent.isEmpty()) {
            return;
        }
        documents(version).bulkWrite(sent.stream().map(cell -> new UpdateOneModel<Document>(Filters.and(
                Filters.eq("_id", cell.getString("_id")), Filters.eq(SEQUENCE, cell.get(SEQUENCE)),
                Filters.eq(REPUBLISH, cell.get(REPUBLISH))), Updates.set(PUBLISHED, true))).toList(),
                new BulkWriteOptions().ordered(false));
    }

    /**
     * The cells {@code sent} by a publisher that lost the lease meanwhile, which a newer change
     * replaced: its records may have reached the topic after the newer ones, so the newer ones are
     * published again (and a holder marking them published meanwhile finds {@code republish} moved on).
     */
    void republish(int version, List<Document> sent) {
        for (Document cell : sent) {
            documents(version).updateOne(Filters.and(Filters.eq("_id", cell.getString("_id")), Filters.gt(SEQUENCE, cell.get(SEQUENCE))),
                    Updates.combine(Updates.set(PUBLISHED, false), Updates.inc(REPUBLISH, 1)));
        }
    }

    /** Changes numbered after {@code after}, in order, up to what readers may see. */
    List<FeedEntry> after(int version, long after, int limit) {
        return documents(version).find(Filters.and(Filters.gt(SEQUENCE, after), Filters.lte(SEQUENCE, visible())))
                .sort(Sorts.ascending(SEQUENCE)).limit(limit).map(this::entry).into(new ArrayList<>());
    }

    /** The highest sequence readers may see in this version. */
    long highestSequence(int version) {
        Document last = documents(version).find(Filters.lte(SEQUENCE, visible())).sort(Sorts.descending(SEQUENCE)).limit(1).first();
        return last == null ? 0 : ((Number) last.get(SEQUENCE)).longValue();
    }

    /** The changes numbered after {@code after}, as stored documents (see {@link #after}). */
    List<Document> afterDocuments(int version, long after, int limit) {
        return documents(version).find(Filters.and(Filters.gt(SEQUENCE, after), Filters.lte(SEQUENCE, visible())))
                .sort(Sorts.ascending(SEQUENCE)).limit(limit).into(new ArrayList<>());
    }

    /** The cells as they stand (removed ones too when {@code withRemoved}), by contract, district and quarter. */
    List<Document> currentDocuments(int version, String contractId, String quarter, boolean withRemoved) {
        List<Bson> filters = new ArrayList<>();
        if (!withRemoved) {
            filters.add(Filters.ne(REMOVED, true));
        }
        if (contractId != null) {
            filters.add(Filters.eq("contractId", contractId));
        }
        if (quarter != null) {
            filters.add(Filters.eq("quarter", quarter));
        }
        return documents(version).find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.ascending("contractId", "district", "quarter")).into(new ArrayList<>());
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
