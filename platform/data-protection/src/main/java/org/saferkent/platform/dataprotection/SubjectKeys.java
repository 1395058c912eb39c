package org.saferkent.platform.dataprotection;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * One data key per subject (a subject is an opaque id: the partnership pseudonym), stored only wrapped by
 * a master key in {@code subject_keys}: {@code _id} = key id, {@code subject}, {@code masterKeyId},
 * {@code wrapped}, {@code createdAt}. Destroying a subject's keys removes the wrapped key material and
 * leaves a tombstone ({@code destroyedAt}, no personal data), so whatever the keys sealed can never be
 * decrypted again: crypto-shredding. {@code subject_erasures} records when each subject was erased.
 *
 * <p>Unwrapped keys are cached briefly and boundedly (size and age), so intake does not unwrap a key per
 * field; destroying evicts this instance's cache at once, other instances' entries age out within the TTL.
 * Two instances creating a subject's first key at once make two keys: both work, both are destroyed
 * together, so no lock is needed.
 */
public class SubjectKeys {

    public static final String KEYS = "subject_keys";
    public static final String ERASURES = "subject_erasures";

    private static final Logger log = LoggerFactory.getLogger(SubjectKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What looking a key up by id found. */
    public sealed interface Lookup {
        record Live(DataKey key) implements Lookup {
        }

        record Destroyed(Instant at) implements Lookup {
        }

        record Unknown() implements Lookup {
        }
    }

    private final MongoTemplate mongo;
    private final MasterKeys masterKeys;
    private final Clock clock;
    private final ExpiringCache<String, DataKey> byId;
    private final ExpiringCache<String, DataKey> bySubject;

    public SubjectKeys(MongoTemplate mongo, MasterKeys masterKeys, Clock clock, int cacheSize, Duration cacheTtl) {
        this.mongo = mongo;
        this.masterKeys = masterKeys;
        this.clock = clock;
        this.byId = new ExpiringCache<>(cacheSize, cacheTtl, clock);
        this.bySubject = new ExpiringCache<>(cacheSize, cacheTtl, clock);
        keys().createIndex(Indexes.ascending("subject")); // every lookup but by id and the re-wrap is by subject
        // the re-wrap's: sparse, as a destroyed key keeps no master key id
        keys().createIndex(Indexes.ascending("masterKeyId"), new IndexOptions().sparse(true));
    }

    /** The subject's data key for sealing new values: its live key, or a new one. */
    public DataKey activeKey(String subject) {
        requireSubject(subject);
        DataKey cached = bySubject.get(subject);
        if (cached != null) {
            return cached;
        }
        Document doc = keys().find(Filters.and(Filters.eq("subject", subject), Filters.exists("wrapped")))
                .sort(new Document("createdAt", -1)).first();
        DataKey key = doc != null ? unwrap(doc) : create(subject);
        bySubject.put(subject, key);
        byId.put(key.id(), key);
        return key;
    }

    /**
     * {@link #activeKey} for several subjects at once: the keys not cached read in one query, those of
     * subjects that have none created in one insert (a batch of new people costs one write, not one each).
     */
    public Map<String, DataKey> activeKeys(Collection<String> subjects) {
        Map<String, DataKey> keys = new HashMap<>();
        List<String> wanted = new ArrayList<>();
        for (String subject : new LinkedHashSet<>(subjects)) {
            requireSubject(subject);
            DataKey cached = bySubject.get(subject);
            if (cached != null) {
                keys.put(subject, cached);
            } else {
                wanted.add(subject);
            }
        }
        if (wanted.isEmpty()) {
            return keys;
        }
        Map<String, Document> newest = new HashMap<>();
        keys().find(Filters.and(Filters.in("subject", wanted), Filters.exists("wrapped"))).forEach(doc -> newest.merge(
                doc.getString("subject"), doc, (a, b) -> createdAt(b).after(createdAt(a)) ? b : a));
        List<Document> created = new ArrayList<>();
        for (String subject : wanted) {
            Document doc = newest.get(subject);
            if (doc != null) {
                keys.put(subject, unwrap(doc));
            } else {
                Fresh fresh = fresh(subject);
                created.add(fresh.document());
                keys.put(subject, fresh.key());
            }
        }
        if (!created.isEmpty()) {
            keys().insertMany(created); // before any is cached or used: nothing is sealed under a key not stored
        }
        keys.forEach((subject, key) -> {
            bySubject.put(subject, key);
            byId.put(key.id(), key);
        });
        return keys;
    }

    private static Date createdAt(Document doc) {
        Date at = doc.getDate("createdAt");
        return at == null ? new Date(0) : at;
    }

    /** The key with this id, if it still exists. */
    public Lookup find(String keyId) {
        DataKey cached = byId.get(keyId);
        if (cached != null) {
            return new Lookup.Live(cached);
        }
        Document doc = keys().find(Filters.eq("_id", keyId)).first();
        if (doc == null) {
            return new Lookup.Unknown();
        }
        if (doc.getString("wrapped") == null) {
            Date at = doc.getDate("destroyedAt");
            return new Lookup.Destroyed(at == null ? null : at.toInstant());
        }
        DataKey key = unwrap(doc);
        byId.put(keyId, key);
        return new Lookup.Live(key);
    }

    /**
     * Destroys every data key of every one of {@code subjects} (crypto-shredding) and records the erasure.
     * Idempotent.
     *
     * @return how many live keys were destroyed
     */
    public long destroy(Collection<String> subjects, Instant at) {
        long destroyed = 0;
        for (String subject : subjects) {
            requireSubject(subject);
            destroyed += keys().updateMany(Filters.and(Filters.eq("subject", subject), Filters.exists("wrapped")),
                    Updates.combine(Updates.unset("wrapped"), Updates.unset("masterKeyId"),
                            Updates.set("destroyedAt", Date.from(at)))).getModifiedCount();
            mongo.getCollection(ERASURES).updateOne(Filters.eq("_id", subject), Updates.max("erasedAt", Date.from(at)),
                    new UpdateOptions().upsert(true));
            bySubject.removeIf(key -> key.subject().equals(subject));
            byId.removeIf(key -> key.subject().equals(subject));
        }
        return destroyed;
    }

    /** When the subject was last erased here, if ever. */
    public Optional<Instant> erasedAt(String subject) {
        Document doc = mongo.getCollection(ERASURES).find(Filters.eq("_id", subject)).first();
        return Optional.ofNullable(doc).map(d -> d.getDate("erasedAt")).map(Date::toInstant);
    }

    /** {@link #erasedAt(String)} for several subjects in one query: those erased here, and when (last). */
    public Map<String, Instant> erasedAt(Collection<String> subjects) {
        Map<String, Instant> erased = new HashMap<>();
        if (subjects.isEmpty()) {
            return erased;
        }
        mongo.getCollection(ERASURES).find(Filters.in("_id", new LinkedHashSet<>(subjects))).forEach(doc -> {
            Date at = doc.getDate("erasedAt");
            if (at != null) {
                erased.put(String.valueOf(doc.get("_id")), at.toInstant());
            }
        });
        return erased;
    }

    /** Whether the subject still has a key that can decrypt something. */
    public boolean hasLiveKey(String subject) {
        return keys().countDocuments(Filters.and(Filters.eq("subject", subject), Filters.exists("wrapped"))) > 0;
    }

    /**
     * Re-wraps up to {@code batch} live keys still under an older master key with the active one. Each
     * write is conditional on the master key it read, so concurrent runs never lose a key; a reader
     * meanwhile uses whichever wrapping it finds, both unwrap. The keys still under an older master key
     * are asked for by that key's id (every configured one but the active): only those can be unwrapped,
     * and the index on {@code masterKeyId} serves the question.
     *
     * @return keys re-wrapped
     */
    public int rewrap(int batch) {
        String active = masterKeys.activeId();
        List<String> older = masterKeys.ids().stream().filter(id -> !id.equals(active)).sorted().toList();
        if (older.isEmpty()) {
            return 0;
        }
        List<Document> stale = keys().find(Filters.and(Filters.in("masterKeyId", older), Filters.exists("wrapped")))
                .limit(batch).into(new ArrayList<>());
        int done = 0;
        for (Document doc : stale) {
            String id = doc.getString("_id");
            byte[] raw = masterKeys.unwrap(doc.getString("masterKeyId"), doc.getString("wrapped"), id);
            long changed = keys().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("masterKeyId", doc.getString("masterKeyId"))),
                    Updates.combine(Updates.set("wrapped", masterKeys.wrap(raw, id)), Updates.set("masterKeyId", active)))
                    .getModifiedCount();
            done += (int) changed;
        }
        if (done > 0) {
            log.info("Re-wrapped {} subject data key(s) under master key {}", done, active);
        }
        return done;
    }

    private DataKey create(String subject) {
        Fresh fresh = fresh(subject);
        keys().insertOne(fresh.document());
        return fresh.key();
    }

    /** A new key and the document that stores it wrapped (not yet stored). */
    private record Fresh(DataKey key, Document document) {
    }

    private Fresh fresh(String subject) {
        byte[] raw = new byte[MasterKeys.KEY_BYTES];
        RANDOM.nextBytes(raw);
        String id = UUID.randomUUID().toString();
        return new Fresh(new DataKey(id, subject, new SecretKeySpec(raw, "AES")), new Document("_id", id).append("subject", subject)
                .append("masterKeyId", masterKeys.activeId()).append("wrapped", masterKeys.wrap(raw, id))
                .append("createdAt", Date.from(clock.instant())));
    }

    private DataKey unwrap(Document doc) {
        String id = doc.getString("_id");
        byte[] raw = masterKeys.unwrap(doc.getString("masterKeyId"), doc.getString("wrapped"), id);
        return new DataKey(id, doc.getString("subject"), new SecretKeySpec(raw, "AES"));
    }

    private MongoCollection<Document> keys() {
        return mongo.getCollection(KEYS);
    }

    private static void requireSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a subject id is needed");
        }
    }
}
