package org.saferkent.commissioning.activity.application;

import java.time.Duration;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.UpdateOptions;

/**
 * Which version of the projection collections is read ({@code current}) and which one a rebuild is
 * filling ({@code building}). Version 0 uses the plain collection names; version n appends
 * {@code _v<n>}. While a rebuild runs, live events are written to both, so that nothing they change
 * is lost when the rebuilt version is swapped in.
 */
public class ProjectionVersions {

    static final String COLLECTION = "projection_versions";
    private static final String ID = "activity";

    /** @param building the version a rebuild is filling, or null */
    public record Pointer(int current, Integer building) {

        public List<Integer> writeTargets() {
            return building == null || building == current ? List.of(current) : List.of(current, building);
        }
    }

    /**
     * How long a live writer trusts the pointer it read: reading it for every event was one store
     * round trip per fact written (the most frequent command in the benchmark's profile). A rebuild
     * waits twice this long after {@link #startBuilding} before it takes the offsets it catches up to,
     * so every event a writer with an older pointer applied is still caught up by the rebuild.
     */
    public static final Duration LIVE_POINTER_FRESHNESS = Duration.ofMillis(500);

    private record Cached(Pointer pointer, long readAtNanos) {
    }

    private final MongoTemplate mongo;
    private volatile Cached cached;

    public ProjectionVersions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Where live events are written: the pointer as read at most {@link #LIVE_POINTER_FRESHNESS} ago. */
    public List<Integer> liveWriteTargets() {
        Cached last = cached;
        long now = System.nanoTime();
        if (last == null || now - last.readAtNanos() >= LIVE_POINTER_FRESHNESS.toNanos()) {
            last = new Cached(read(), now); // the time before the read: never trusted for longer than promised
            cached = last;
        }
        return last.pointer().writeTargets();
    }

    public static String name(String base, int version) {
        return version == 0 ? base : base + "_v" + version;
    }

    public Pointer read() {
        Document doc = mongo.getCollection(COLLECTION).find(new Document("_id", ID)).first();
        if (doc == null) {
            return new Pointer(0, null);
        }
        Number building = (Number) doc.get("building");
        return new Pointer(((Number) doc.get("current")).intValue(), building == null ? null : building.intValue());
    }

    public int current() {
        return read().current();
    }

    /** Live writes go to {@code version} too from now on. */
    public void startBuilding(int version) {
        cached = null;
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID),
                new Document("$set", new Document("building", version)).append("$setOnInsert", new Document("current", 0)),
                new UpdateOptions().upsert(true));
    }

    /** Reads move to {@code version}; live writes go to it alone. */
    public void swapTo(int version) {
        cached = null;
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID),
                new Document("$set", new Document("current", version).append("building", null)), new UpdateOptions().upsert(true));
    }

    /** A failed rebuild: live writes stop going to {@code version}. */
    public void abandon(int version) {
        cached = null;
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID).append("building", version),
                new Document("$set", new Document("building", null)));
    }
}
