package org.saferkent.platform.messaging;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
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
 *
 * <p>{@link #applyOnce(String, List)} writes many such changes (a consumer's batch) as one unordered bulk
 * write: each is the same conditional upsert as alone, so each is applied once whatever the others do,
 * and the ones that meet a duplicate key are settled one by one as above.
 */
public class IdempotentWrites {

    static final String APPLIED_EVENTS = "appliedEvents";
    /** Markers kept per document: far more than the redeliveries one document can see. */
    private static final int KEPT = 100;
    /** Rounds of upsert, update, read: each lost round needs the document deleted and created again meanwhile. */
    private static final int ROUNDS = 5;

    /** One event's change to one document: {@code change} is applied to {@code id} unless {@code eventId} was. */
    public record Change(String id, String eventId, Update change) {
    }

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
        return applyMarked(collection, id, eventId, withMarker(change, eventId));
    }

    /**
     * Applies every change of {@code changes} to {@code collection} as {@link #applyOnce(String, String, String, Update)}
     * does, in one unordered bulk write (one store command for the lot): an event applied before changes
     * nothing, the others are applied once. Several changes may name the same document. A failure other
     * than a duplicate key is thrown, after which any of the changes may or may not have been applied:
     * applying them all again (a redelivered batch) is safe.
     *
     * @return how many changes were applied now (the others had been applied before)
     */
    public int applyOnce(String collection, List<Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        if (changes.size() == 1) {
            Change only = changes.get(0);
            return applyOnce(collection, only.id(), only.eventId(), only.change()) ? 1 : 0;
        }
        List<Update> marked = new ArrayList<>(changes.size());
        var bulk = mongo.bulkOps(BulkMode.UNORDERED, collection);
        for (Change change : changes) {
            Update update = withMarker(change.change(), change.eventId());
            marked.add(update);
            bulk.upsert(notYetApplied(change.id(), change.eventId()), update);
        }
        try {
            bulk.execute();
            return changes.size();
        } catch (BulkOperationException failed) {
            for (BulkWriteError error : failed.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw failed;
                }
            }
            // each duplicate key: the document exists, with this event's marker or created by another change
            int applied = changes.size() - failed.getErrors().size();
            for (BulkWriteError error : failed.getErrors()) {
                Change change = changes.get(error.getIndex());
                if (applyMarked(collection, change.id(), change.eventId(), marked.get(error.getIndex()))) {
                    applied++;
                }
            }
            return applied;
        }
    }

    private static Update withMarker(Update change, String eventId) {
        return change.push(APPLIED_EVENTS).slice(-KEPT).each(eventId);
    }

    private static Query notYetApplied(String id, String eventId) {
        return Query.query(Criteria.where("_id").is(id).and(APPLIED_EVENTS).ne(eventId));
    }

    private boolean applyMarked(String collection, String id, String eventId, Update change) {
        Query notYetApplied = notYetApplied(id, eventId);
        Query applied = Query.query(Criteria.where("_id").is(id).and(APPLIED_EVENTS).is(eventId));
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
