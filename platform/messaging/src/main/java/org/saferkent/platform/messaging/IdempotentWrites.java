package org.saferkent.platform.messaging;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies an inbound event to a document exactly once: the marker ("this event was applied") and the
 * change are written by ONE conditional update, so a crash can never leave one without the other and
 * a redelivered event finds its marker and changes nothing. Needs no transactions.
 *
 * <p>A duplicate-key error from the upsert means only that the document exists: either it carries the
 * marker (a redelivery), or another event created it between the store finding no match and inserting
 * (the store does not retry an upsert whose query is more than an equality on {@code _id}). The two are
 * told apart by updating the existing document under the same condition, never by guessing.
 */
public class IdempotentWrites {

    static final String APPLIED_EVENTS = "appliedEvents";
    /** Markers kept per document: far more than the redeliveries one document can see. */
    private static final int KEPT = 100;
    /** Rounds of upsert, update, read: each lost round needs the document deleted and created again meanwhile. */
    private static final int ROUNDS = 5;

    private final MongoTemplate mongo;

    public IdempotentWrites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code change} to document {@code id} of {@code collection} (creating it if missing)
     * unless event {@code eventId} was applied to it already.
     *
     * @return true if the change was applied now, false if it had been applied before
     * @throws IllegalStateException if the document kept vanishing and reappearing under the write (the
     *         consumer's error handler delivers the event again)
     */
    public boolean applyOnce(String collection, String id, String eventId, Update change) {
        Query notYetApplied = Query.query(Criteria.where("_id").is(id).and(APPLIED_EVENTS).ne(eventId));
        Query applied = Query.query(Criteria.where("_id").is(id).and(APPLIED_EVENTS).is(eventId));
        change.push(APPLIED_EVENTS).slice(-KEPT).each(eventId);
        for (int round = 1; round <= ROUNDS; round++) {
            try {
                mongo.upsert(notYetApplied, change, collection);
                return true; // matched (so not applied before) or created
            } catch (DuplicateKeyException documentExists) {
                // the document exists: it carries the marker, or another event created it a moment ago
            }
            if (mongo.updateFirst(notYetApplied, change, collection).getMatchedCount() > 0) {
                return true; // someone else created it; our change is applied now, on top of theirs
            }
            if (mongo.exists(applied, collection)) {
                return false; // the marker is there: applied before
            }
            // neither: the document was removed in between; start again
        }
        throw new IllegalStateException("Could not apply event " + eventId + " to " + collection + "/" + id
                + ": the document kept changing under the write");
    }
}
