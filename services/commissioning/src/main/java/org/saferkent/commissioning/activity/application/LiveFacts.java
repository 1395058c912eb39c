package org.saferkent.commissioning.activity.application;

import java.util.List;
import java.util.function.Supplier;

import org.bson.Document;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes fact changes as events arrive: the "event applied" marker, the change and the "dirty" flag
 * (performance must be recomputed) are one conditional update, so a redelivered event changes
 * nothing and a crash never loses the need to recompute. {@code touch} counts changes, so the flag
 * is cleared only if nothing changed after it was read. Once written, {@link FactsChanged} is told.
 */
public class LiveFacts implements FactSink {

    public static final String DIRTY = "dirty";
    public static final String TOUCH = "touch";
    static final String APPLIED_EVENTS = "appliedEvents";
    /** Writes that lost a race to create the document: each retry finds it created. */
    private static final int ATTEMPTS = 3;

    private final IdempotentWrites writes;
    private final MongoTemplate mongo;
    private final Supplier<List<Integer>> versions;
    private final FactsChanged changed;

    private LiveFacts(IdempotentWrites writes, MongoTemplate mongo, Supplier<List<Integer>> versions, FactsChanged changed) {
        this.writes = writes;
        this.mongo = mongo;
        this.versions = versions;
        this.changed = changed;
    }

    /** Writes to the version read, and to the one a rebuild is filling (as the pointer was read moments ago). */
    public static LiveFacts following(IdempotentWrites writes, MongoTemplate mongo, ProjectionVersions pointer,
            FactsChanged changed) {
        return new LiveFacts(writes, mongo, pointer::liveWriteTargets, changed);
    }

    /** Writes to one version only (a rebuild catching up). */
    public static LiveFacts pinned(IdempotentWrites writes, MongoTemplate mongo, int version) {
        return new LiveFacts(writes, mongo, () -> List.of(version), FactsChanged.NONE);
    }

    @Override
    public void apply(String eventId, FactChange change) {
        for (int version : versions.get()) {
            String collection = change.kind().collection(version);
            for (int attempt = 1; !applyOnce(collection, eventId, change) && !applied(collection, change.key(), eventId); attempt++) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("event " + eventId + " could not be applied to " + collection
                            + " after " + ATTEMPTS + " attempts");
                }
            }
        }
        changed.changed();
    }

    private boolean applyOnce(String collection, String eventId, FactChange change) {
        Update update = change.toUpdate().set(DIRTY, true).inc(TOUCH, 1);
        return writes.applyOnce(collection, change.key(), eventId, update);
    }

    /**
     * Whether the document carries the event's marker. The platform's write answers "not applied" on
     * a duplicate key, which also happens when another event created the same document at the same
     * moment (two topics feed one referral's facts): then the marker is missing and the write is retried.
     */
    private boolean applied(String collection, String key, String eventId) {
        return mongo.getCollection(collection).find(new Document("_id", key).append(APPLIED_EVENTS, eventId)).limit(1).first() != null;
    }
}
