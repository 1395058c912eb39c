package org.saferkent.commissioning.performance.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.saferkent.commissioning.activity.application.FactChange;
import org.saferkent.commissioning.activity.application.FactKind;
import org.saferkent.commissioning.activity.application.ProjectionVersions;
import org.saferkent.commissioning.performance.domain.DayCounts;
import org.saferkent.commissioning.performance.domain.DistrictFacts;
import org.saferkent.platform.workingdays.Quarter;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The district × day buckets performance cells are summed from: one document per district and day
 * something happened on ({@link DayCounts}), versioned like the facts. A bucket is written whole, the
 * sum of what its district-day's facts count, never incremented in the store: computing it again gives
 * the same document, so a refresh killed at any step just computes it again (from the day's facts read
 * whole, or, on a day the refresh already holds in memory, from the facts that changed: {@link HotDays}). A cell
 * reads at most the 92 buckets of its window (and 92 a year before), whatever else is stored.
 *
 * <p>A version whose buckets were not built (written before buckets existed) is built once from all
 * its facts, giving each fact its {@code days} on the way; the {@value #BUILT} document, written
 * last, says that was done.
 */
final class DayBuckets {

    static final String BASE = "performance_day_buckets";
    /** The id of the document that says the version's buckets were built (it has no district: no bucket query finds it). */
    static final String BUILT = "built";
    /** The lease hold that last wrote a bucket ({@link #write}). */
    static final String FENCE = "fence";
    private static final int WRITE_BATCH = 1000;

    private final MongoTemplate mongo;
    private final LiveFactsLoader loader;

    DayBuckets(MongoTemplate mongo, LiveFactsLoader loader) {
        this.mongo = mongo;
        this.loader = loader;
    }

    static String collection(int version) {
        return ProjectionVersions.name(BASE, version);
    }

    private MongoCollection<Document> documents(int version) {
        return mongo.getCollection(collection(version));
    }

    /** The one query of buckets names this; a store that refuses it is an error, not a reason to scan. */
    void ensureIndexes(int version) {
        documents(version).createIndex(Indexes.ascending("district", "day"));
    }

    /**
     * Replaces the buckets of each district's days with their counts (recomputed from their facts alone:
     * {@link HotDays}; a day nothing counts on any more keeps an empty bucket), in one unordered bulk write
     * for all the districts (each write is a commit of the store, which a refresh round waits for). Each bucket
     * carries the {@code fence} of the lease hold that wrote it ({@link ProjectionLease.Hold#token()},
     * higher for every later holder) and is replaced only by a writer whose fence is as high: a holder that
     * lost the lease without knowing, and wakes after the new holder recomputed a day from newer facts, is
     * refused instead of putting the older counts back (an empty bucket, not a deletion, so that a day
     * emptied by the new holder is refused too).
     *
     * @throws ProjectionLease.LeaseLostException if a later holder wrote one of the buckets
     */
    void write(int version, Map<String, Map<LocalDate, DayCounts>> counted, long fence) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        counted.forEach((district, byDay) -> byDay.forEach((day, counts) -> {
            Bson notNewer = Filters.and(Filters.eq("_id", id(district, day)), Filters.not(Filters.gt(FENCE, fence)));
            writes.add(new ReplaceOneModel<>(notNewer, document(district, day, counts).append(FENCE, fence),
                    new ReplaceOptions().upsert(true)));
        }));
        if (writes.isEmpty()) {
            return;
        }
        beforeWrites.run();
        try {
            documents(version).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().allMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY)) {
                throw new ProjectionLease.LeaseLostException(); // a bucket written by a later holder: ours are stale
            }
            throw e;
        }
    }

    /** For tests: runs after the round's buckets are computed, before they are written. */
    volatile Runnable beforeWrites = () -> { };

    /** The buckets of {@code district} on {@code days} that hold something. */
    Map<LocalDate, DayCounts> read(int version, String district, Collection<LocalDate> days) {
        Map<LocalDate, DayCounts> read = new HashMap<>();
        List<String> codes = days.stream().map(LocalDate::toString).toList();
        documents(version).find(Filters.and(Filters.eq("district", district), Filters.in("day", codes))).forEach(doc -> {
            DayCounts counts = counts(doc);
            if (!counts.isEmpty()) {
                read.put(LocalDate.parse(doc.getString("day")), counts);
            }
        });
        return read;
    }

    /** The days a cell of {@code quarter} may read: its own, and the same quarter a year before (first-time entrants' baseline). */
    static Set<LocalDate> daysOf(Collection<Quarter> quarters) {
        Set<LocalDate> days = new TreeSet<>();
        for (Quarter quarter : quarters) {
            for (Quarter read : List.of(quarter, quarter.yearBefore())) {
                for (LocalDate day = read.firstDay(); !day.isAfter(read.lastDay()); day = day.plusDays(1)) {
                    days.add(day);
                }
            }
        }
        return days;
    }

    boolean built(int version) {
        return documents(version).find(Filters.eq("_id", BUILT)).first() != null;
    }

    /** Writes a new version's buckets (a rebuild's, computed from its facts in memory), then says they are built. */
    void insertAll(int version, Map<String, Map<LocalDate, DayCounts>> byDistrict, int batch) {
        List<Document> docs = new ArrayList<>();
        byDistrict.forEach((district, days) -> days.forEach((day, counts) -> {
            if (!counts.isEmpty()) {
                docs.add(document(district, day, counts));
            }
        }));
        for (int from = 0; from < docs.size(); from += batch) {
            documents(version).insertMany(docs.subList(from, Math.min(docs.size(), from + batch)), new InsertManyOptions().ordered(false));
        }
        markBuilt(version);
    }

    /**
     * Builds the buckets of a version that has none yet, once: reads every fact, gives each the days it
     * counts on, and writes every bucket, then the {@value #BUILT} mark. Killed before the mark, it is
     * done again whole (the buckets are cleared first, the days added to a set).
     *
     * @return whether it built them (false: they were built already)
     */
    boolean buildIfMissing(int version, Runnable stillHeld) {
        if (built(version)) {
            return false;
        }
        Map<FactKind, List<Document>> facts = new HashMap<>();
        for (FactKind kind : FactKind.values()) {
            stillHeld.run();
            List<Document> docs = loader.find(version, kind, new Document());
            facts.put(kind, docs);
            giveDays(version, kind, docs);
        }
        stillHeld.run();
        documents(version).deleteMany(new Document());
        insertAll(version, byDistrict(FactReader.byDistrict(FactReader.FactSource.of(facts))), WRITE_BATCH);
        return true;
    }

    static Map<String, Map<LocalDate, DayCounts>> byDistrict(Map<String, DistrictFacts> facts) {
        Map<String, Map<LocalDate, DayCounts>> days = new TreeMap<>();
        facts.forEach((district, districtFacts) -> days.put(district, DayCounts.byDay(districtFacts, district)));
        return days;
    }

    private void markBuilt(int version) {
        documents(version).replaceOne(Filters.eq("_id", BUILT), new Document("_id", BUILT), new ReplaceOptions().upsert(true));
    }

    private void giveDays(int version, FactKind kind, List<Document> docs) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document doc : docs) {
            Set<String> days = daysIn(doc);
            if (!days.isEmpty()) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", doc.get("_id")),
                        Updates.addEachToSet(FactChange.DAYS, new ArrayList<>(days))));
            }
            if (writes.size() == WRITE_BATCH) {
                mongo.getCollection(kind.collection(version)).bulkWrite(writes, new BulkWriteOptions().ordered(false));
                writes = new ArrayList<>();
            }
        }
        if (!writes.isEmpty()) {
            mongo.getCollection(kind.collection(version)).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** The days a fact written before facts kept their days counts on: its {@code ...On} days, missed due days, outcomes' days. */
    static Set<String> daysIn(Document doc) {
        Set<String> days = new LinkedHashSet<>();
        doc.forEach((field, value) -> {
            if (field.endsWith("On") && value instanceof String day) {
                days.add(day);
            }
        });
        if (doc.get("missed") instanceof Document missed) {
            missed.values().forEach(value -> {
                if (value instanceof String day) {
                    days.add(day);
                }
            });
        }
        for (String perEvent : List.of(FactReader.ASSESSED, FactReader.PLANNED)) {
            if (doc.get(perEvent) instanceof Document byEvent) {
                byEvent.values().forEach(value -> {
                    if (value instanceof String day) {
                        days.add(day);
                    }
                });
            }
        }
        if (doc.get("outcomes") instanceof Document outcomes) {
            outcomes.values().forEach(value -> {
                if (value instanceof Document outcome && outcome.get("recordedOn") instanceof String day) {
                    days.add(day);
                }
            });
        }
        return days;
    }

    // ---------------------------------------------------------------- the document of a bucket

    static String id(String district, LocalDate day) {
        return district + "|" + day;
    }

    static Document document(String district, LocalDate day, DayCounts counts) {
        List<Document> referrals = new ArrayList<>();
        counts.referrals().forEach((key, n) -> {
            List<Document> earlier = new ArrayList<>();
            new TreeMap<>(key.earlier()).forEach((pathway, on) -> earlier.add(new Document("pathway", pathway).append("on", on.toString())));
            referrals.add(new Document("step", key.step().name()).append("pathways", sorted(key.pathways()))
                    .append("earlier", earlier).append("n", n));
        });
        referrals.sort(Comparator.comparing(Document::toJson));
        List<Document> duplicates = new ArrayList<>();
        counts.duplicates().forEach((pathways, n) -> duplicates.add(new Document("pathways", sorted(pathways)).append("n", n)));
        duplicates.sort(Comparator.comparing(Document::toJson));
        List<Document> victims = new ArrayList<>();
        counts.victims().forEach((pathways, v) -> victims.add(new Document("pathways", sorted(pathways))
                .append("supported", v.supported()).append("firstContactsDue", v.firstContactsDue())
                .append("contactedWithinDeadline", v.contactedWithinDeadline()).append("deadlinesMissed", v.deadlinesMissed())
                .append("outcomesRecorded", v.outcomesRecorded()).append("copedAndRecovered", v.copedAndRecovered())
                .append("needsWithOutcome", v.needsWithOutcome()).append("needsMet", v.needsMet())
                .append("opened", v.opened()).append("declined", v.declined()).append("unableToContact", v.unableToContact())));
        victims.sort(Comparator.comparing(Document::toJson));
        DayCounts.RjCounts rj = counts.restorativeJustice();
        return new Document("_id", id(district, day)).append("district", district).append("day", day.toString())
                .append("referrals", referrals).append("duplicates", duplicates).append("victims", victims)
                .append("rj", new Document("opened", rj.opened()).append("closed", rj.closed()).append("completed", rj.completed())
                        .append("satisfactionResponses", rj.satisfactionResponses()).append("satisfied", rj.satisfied())
                        .append("recommendResponses", rj.recommendResponses()).append("wouldRecommend", rj.wouldRecommend()))
                .append("firstTimeEntrants", counts.firstTimeEntrants());
    }

    static DayCounts counts(Document doc) {
        Map<DayCounts.ReferralKey, Long> referrals = new HashMap<>();
        for (Document entry : doc.getList("referrals", Document.class, List.of())) {
            Map<String, LocalDate> earlier = new HashMap<>();
            for (Document before : entry.getList("earlier", Document.class, List.of())) {
                earlier.put(before.getString("pathway"), LocalDate.parse(before.getString("on")));
            }
            referrals.merge(new DayCounts.ReferralKey(DayCounts.Step.valueOf(entry.getString("step")),
                    Set.copyOf(entry.getList("pathways", String.class)), earlier), number(entry, "n"), Long::sum);
        }
        Map<Set<String>, Long> duplicates = new HashMap<>();
        for (Document entry : doc.getList("duplicates", Document.class, List.of())) {
            duplicates.merge(Set.copyOf(entry.getList("pathways", String.class)), number(entry, "n"), Long::sum);
        }
        Map<Set<String>, DayCounts.VictimCounts> victims = new HashMap<>();
        for (Document v : doc.getList("victims", Document.class, List.of())) {
            // a bucket written before victim cases served several pathways names one, and its "supported" were cases opened
            boolean earlier = v.getString("pathway") != null;
            Set<String> pathways = earlier ? Set.of(v.getString("pathway")) : Set.copyOf(v.getList("pathways", String.class));
            victims.merge(pathways, new DayCounts.VictimCounts(earlier ? 0 : number(v, "supported"), number(v, "firstContactsDue"),
                    number(v, "contactedWithinDeadline"), number(v, "deadlinesMissed"), number(v, "outcomesRecorded"),
                    number(v, "copedAndRecovered"), number(v, "needsWithOutcome"), number(v, "needsMet"),
                    number(v, earlier ? "supported" : "opened"), number(v, "declined"), number(v, "unableToContact")),
                    DayCounts.VictimCounts::plus);
        }
        Document rj = doc.get("rj", Document.class);
        DayCounts.RjCounts rjCounts = rj == null ? DayCounts.RjCounts.NONE
                : new DayCounts.RjCounts(number(rj, "opened"), number(rj, "closed"), number(rj, "completed"),
                        number(rj, "satisfactionResponses"), number(rj, "satisfied"), number(rj, "recommendResponses"),
                        number(rj, "wouldRecommend"));
        return new DayCounts(referrals, duplicates, victims, rjCounts, number(doc, "firstTimeEntrants"));
    }

    private static List<String> sorted(Set<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }

    private static long number(Document doc, String field) {
        return doc.get(field) instanceof Number n ? n.longValue() : 0;
    }
}
