package org.saferkent.commissioning.activity.application;

import org.saferkent.platform.outbox.DuplicateKeys;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoException;
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
    private static final String CURRENT = "current";
    private static final String BUILDING = "building";
    private static final String ISSUED = "issued";

    /**
     * @param building the version a rebuild is filling, or null
     * @param issued   the highest version handed to a rebuild: each rebuild fills a version none other has
     */
    public record Pointer(int current, Integer building, int issued) {

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
            return new Pointer(0, null, 0);
        }
        Number building = (Number) doc.get(BUILDING);
        Number issued = (Number) doc.get(ISSUED);
        return new Pointer(((Number) doc.get(CURRENT)).intValue(), building == null ? null : building.intValue(),
                issued == null ? 0 : issued.intValue());
    }

    public int current() {
        return read().current();
    }

    /**
     * A version no rebuild has filled before: above the current one, the one being built and every
     * one handed out (a rebuild that died may have left collections of its own behind).
     */
    public int claimNext() {
        ensureExists();
        while (true) {
            Pointer pointer = read();
            int next = Math.max(Math.max(pointer.current(), pointer.issued()), pointer.building() == null ? 0 : pointer.building()) + 1;
            Document unchanged = new Document("_id", ID).append(ISSUED, pointer.issued());
            if (mongo.getCollection(COLLECTION).updateOne(unchanged, new Document("$set", new Document(ISSUED, next)))
                    .getMatchedCount() > 0) {
                return next;
            }
            // another claim came in between: read again
        }
    }

    /**
     * Live writes go to {@code version} too from now on.
     *
     * @throws IllegalStateException if another version is named as being built: only a rebuild that
     *                               holds the projection names one, and clears what a dead one left first
     */
    public void startBuilding(int version) {
        cached = null;
        ensureExists();
        Document free = new Document("_id", ID).append(BUILDING, new Document("$in", Arrays.asList(null, version)));
        if (mongo.getCollection(COLLECTION).updateOne(free, new Document("$set", new Document(BUILDING, version)))
                .getMatchedCount() == 0) {
            throw new IllegalStateException("another rebuild names version " + read().building() + " as being built");
        }
    }

    /**
     * Reads move to {@code version}; live writes go to it alone.
     *
     * @throws IllegalStateException if {@code version} is no longer the one being built (its rebuild was
     *                               taken for dead and cleared)
     */
    public void swapTo(int version) {
        cached = null;
        if (mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID).append(BUILDING, version),
                new Document("$set", new Document(CURRENT, version).append(BUILDING, null))).getMatchedCount() == 0) {
            throw new IllegalStateException("version " + version + " is no longer being built: not swapped in");
        }
    }

    /**
     * A failed or dead rebuild: live writes stop going to {@code version}.
     *
     * @return whether {@code version} was still named as being built
     */
    public boolean abandon(int version) {
        cached = null;
        return mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID).append(BUILDING, version),
                new Document("$set", new Document(BUILDING, null))).getMatchedCount() > 0;
    }

    /**
     * Creates the pointer if missing (the filter is the {@code _id} alone, so a duplicate key means
     * another instance created it first: exactly what was wanted), and gives one written before
     * versions were handed out its {@code issued}.
     */
    private void ensureExists() {
        try {
            mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID),
                    new Document("$setOnInsert", new Document(CURRENT, 0).append(BUILDING, null).append(ISSUED, 0)),
                    new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
        }
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID).append(ISSUED, new Document("$exists", false)),
                new Document("$set", new Document(ISSUED, 0)));
    }
}
