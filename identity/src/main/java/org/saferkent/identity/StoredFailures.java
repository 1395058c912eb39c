package org.saferkent.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

/**
 * Failed sign-ins counted in the store, shared by every instance: a guesser spread over several instances gets
 * no more attempts than at one. One document a failure: the name or address only as a keyed hash (no personal
 * data stored), its moment, and when it leaves every window (a TTL index, and a sweep for stores without TTL
 * monitors). Moments are each instance's clock: instances a second apart count a failure a second longer or
 * shorter, which the window's minutes absorb.
 */
final class StoredFailures implements FailedSignInLimit.Failures {

    static final String COLLECTION = "failed_sign_ins";
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final MongoCollection<Document> failures;
    private final SealedBox box;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    StoredFailures(IdentityStore store) {
        this.failures = store.database().getCollection(COLLECTION);
        this.box = store.box();
        failures.createIndex(Indexes.ascending("key", "at"));
        failures.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public Duration retryAfter(String key, int allowed, Duration window, Instant now) {
        List<Document> recent = failures.find(Filters.and(Filters.eq("key", box.fingerprint(key)),
                        Filters.gt("at", Date.from(now.minus(window)))))
                .sort(Sorts.ascending("at")).limit(allowed).into(new ArrayList<>());
        if (recent.size() < allowed) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, recent.get(0).getDate("at").toInstant().plus(window));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    @Override
    public void record(String key, Instant now, Duration window) {
        failures.insertOne(new Document("key", box.fingerprint(key)).append("at", Date.from(now))
                .append("expiresAt", Date.from(now.plus(window))));
        Instant last = lastSweep.get();
        if (now.isAfter(last.plus(SWEEP_EVERY)) && lastSweep.compareAndSet(last, now)) {
            failures.deleteMany(Filters.lte("expiresAt", Date.from(now)));
        }
    }
}
