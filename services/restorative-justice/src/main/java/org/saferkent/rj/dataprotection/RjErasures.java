package org.saferkent.rj.dataprotection;

import org.saferkent.platform.outbox.DuplicateKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/**
 * Restorative justice's part of an erasure ({@code referrals.SubjectErased.v1}): everything here keyed to
 * the person's pseudonyms is made anonymous. Restorative justice holds no names, dates of birth or
 * addresses, only pseudonyms, so that is what goes:
 *
 * <ul>
 * <li>in the RJ cases ({@code rj_cases}), each participant who was the person keeps their role, age,
 * consent and withdrawal (what the case's history and the statistics need) under a <em>stand-in</em>
 * instead of the pseudonym; so does every other mention of it in the document (events not yet published);
 * <li>the person's offending history ({@code offending_histories}, keyed by pseudonym) moves to the
 * stand-in: the disposals (offence category, dates, district, ages: no identifier) stay, so the
 * first-time entrant counts and reoffending cohorts by district and quarter already reported do not change;
 * what would link it to the person again (its other pseudonyms, the keyed name and date of birth, the keyed
 * PNC ID, and the claims on them) goes. A history kept under another pseudonym that knows the person by one of the erased ones (a
 * disposal posted from another postcode) moves too.
 * </ul>
 *
 * The stand-in is random ({@code erased-<uuid>}), one per erasure, recorded only in {@code rj_erasures}
 * under the erasure's id (no pseudonym): it cannot be worked back to the person, and it keeps a case's
 * participant and their history together, so reoffending by RJ participation is split as before. (A history
 * under a <em>former</em> pseudonym gets the stand-in with a suffix: it was never joined to the current one.)
 *
 * <p>No transactions are needed: each document is rewritten by one version-checked write (a concurrent
 * change of the same case or history makes it read again), a history is copied under the stand-in before
 * the one under the pseudonym is removed, and the stand-in is the same on every delivery of the event. A
 * delivery after the erasure was carried out changes nothing ({@code done}). Nothing is published:
 * commissioning's numbers stand.
 */
public class RjErasures {

    public static final String ERASURES = "rj_erasures";
    public static final String STAND_IN_PREFIX = "erased-";

    private static final Logger log = LoggerFactory.getLogger(RjErasures.class);
    private static final int ATTEMPTS = 10;
    /** A history's other pseudonyms of the person (Disposals; indexed there). */
    private static final String ALIASES = "pseudonyms";
    /**
     * What links a history to the person besides its id: gone from the anonymous copy (the claims too, so the person
     * posted again later starts a history of their own).
     */
    private static final List<String> LINKS = List.of(ALIASES, "personKeys", "pncKeys", "claimedPersonKey", "claimedPncKey");

    private final MongoTemplate mongo;
    private final String cases;
    private final String histories;
    private final Clock clock;

    public RjErasures(MongoTemplate mongo, String cases, String histories, Clock clock) {
        this.mongo = mongo;
        this.cases = cases;
        this.histories = histories;
        this.clock = clock;
        // the cases a pseudonym takes part in are found by RjCases' index on participants.pseudonym
    }

    public void erased(String eventId, SubjectErasure erasure) {
        Document record = record(erasure);
        if (record.getBoolean("done", false)) {
            log.info("Erasure {} (event {}): carried out already", erasure.erasureId(), eventId);
            return;
        }
        String standIn = record.getString("standIn");
        List<String> pseudonyms = erasure.pseudonyms();
        int anonymisedCases = anonymiseCases(pseudonyms, standIn);
        int movedHistories = 0;
        for (int i = 0; i < pseudonyms.size(); i++) {
            movedHistories += moveHistory(pseudonyms.get(i), i == 0 ? standIn : standIn + "-" + i, pseudonyms, standIn);
        }
        // a history kept under another pseudonym of the person (a disposal posted from another postcode) that knows them
        // by one of these: the same stand-in on every delivery, from the history's id
        List<String> aliased = new ArrayList<>();
        mongo.getCollection(histories).find(Filters.in(ALIASES, pseudonyms)).projection(new Document("_id", 1))
                .forEach(doc -> aliased.add(doc.getString("_id")));
        for (String id : aliased) {
            List<String> named = new ArrayList<>(pseudonyms);
            named.add(id);
            movedHistories += moveHistory(id, standIn + "-" + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)),
                    named, standIn);
        }
        erasures().updateOne(Filters.eq("_id", erasure.erasureId()), Updates.combine(Updates.set("done", true),
                Updates.set("cases", anonymisedCases), Updates.set("histories", movedHistories),
                Updates.set("doneAt", Date.from(clock.instant()))));
        log.info("Erasure {} (event {}): {} RJ case(s) and {} offending history(ies) made anonymous", erasure.erasureId(), eventId,
                anonymisedCases, movedHistories);
    }

    /** The erasure's record here, made on first delivery with a new random stand-in. */
    private Document record(SubjectErasure erasure) {
        Document existing = erasures().find(Filters.eq("_id", erasure.erasureId())).first();
        if (existing != null) {
            return existing;
        }
        Document created = new Document("_id", erasure.erasureId()).append("standIn", STAND_IN_PREFIX + UUID.randomUUID())
                .append("erasedAt", Date.from(erasure.erasedAt())).append("heardAt", Date.from(clock.instant()));
        try {
            erasures().insertOne(created);
            return created;
        } catch (MongoWriteException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
            return erasures().find(Filters.eq("_id", erasure.erasureId())).first(); // another delivery made it first
        }
    }

    private int anonymiseCases(List<String> pseudonyms, String standIn) {
        MongoCollection<Document> collection = mongo.getCollection(cases);
        List<String> ids = new ArrayList<>();
        collection.find(Filters.in("participants.pseudonym", pseudonyms)).projection(new Document("_id", 1))
                .forEach(doc -> ids.add(doc.getString("_id")));
        int changed = 0;
        for (String id : ids) {
            for (int attempt = 0; ; attempt++) {
                Document doc = collection.find(Filters.eq("_id", id)).first();
                if (doc == null || !Anonymised.names(doc, pseudonyms)) {
                    break;
                }
                long version = ((Number) doc.get("version")).longValue();
                Document anonymous = Anonymised.copy(doc, pseudonyms, standIn);
                anonymous.put("version", version + 1); // a writer holding the case as it was must read it again
                if (collection.replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)), anonymous)
                        .getMatchedCount() == 1) {
                    changed++;
                    break;
                }
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("RJ case " + id + " kept changing during an erasure: the event will be retried");
                }
            }
        }
        return changed;
    }

    /** Moves the history kept under {@code pseudonym} to {@code anonymousId}: copied first, then removed if unchanged. */
    private int moveHistory(String pseudonym, String anonymousId, List<String> pseudonyms, String standIn) {
        MongoCollection<Document> collection = mongo.getCollection(histories);
        for (int attempt = 0; attempt <= ATTEMPTS; attempt++) {
            Document doc = collection.find(Filters.eq("_id", pseudonym)).first();
            if (doc == null) {
                return 0;
            }
            Document anonymous = Anonymised.copy(doc, pseudonyms, standIn);
            anonymous.put("_id", anonymousId);
            anonymous.remove("relayLease"); // its unpublished events, if any, are the copy's to publish
            // the links that would find the person again (other pseudonyms, keyed name and date of birth, keyed PNC ID)
            LINKS.forEach(anonymous::remove);
            collection.replaceOne(Filters.eq("_id", anonymousId), anonymous, new ReplaceOptions().upsert(true));
            if (collection.deleteOne(Filters.and(Filters.eq("_id", pseudonym), Filters.eq("version", doc.get("version"))))
                    .getDeletedCount() == 1) {
                return 1;
            }
            // a disposal was recorded meanwhile: copy the history again
        }
        throw new IllegalStateException("an offending history kept changing during an erasure: the event will be retried");
    }

    private MongoCollection<Document> erasures() {
        return mongo.getCollection(ERASURES);
    }
}
