package org.saferkent.platform.messaging;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies an inbound event to a document exactly once: the marker ("this event was applied") and the
 * change are written by ONE conditional update, so a crash can never leave one without the other and
 * a redelivered event finds its marker and changes nothing. Needs no transactions.
 */
public class IdempotentWrites {

    static final String APPLIED_EVENTS = "appliedEvents";
    /** Markers kept per document: far more than the redeliveries one document can see. */
    private static final int KEPT = 100;

    private final MongoTemplate mongo;

    public IdempotentWrites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code change} to document {@code id} of {@code collection} (creating it if missing)
     * unless event {@code eventId} was applied to it already.
     *
     * @return true if the change was applied now, false if it had been applied before
     */
    public boolean applyOnce(String collection, String id, String eventId, Update change) {
        Query notYetApplied = Query.query(Criteria.where("_id").is(id).and(APPLIED_EVENTS).ne(eventId));
        change.push(APPLIED_EVENTS).slice(-KEPT).each(eventId);
        try {
            Object before = mongo.findAndModify(notYetApplied, change,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), org.bson.Document.class, collection);
            return before != null;
        } catch (DuplicateKeyException alreadyApplied) {
            // the document exists and carries the marker: the upsert tried to insert a second one
            return false;
        }
    }
}
