package org.saferkent.commissioning.performance.application;

import org.bson.Document;
import org.saferkent.platform.outbox.DuplicateKeys;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;

/**
 * The feed's sequence: one counter document incremented atomically ({@code findAndModify $inc}), so
 * every snapshot change gets a number no other change has, whichever instance makes it. A number is
 * reserved before its cell is written: readers see it only once a holder of the lease committed it
 * ({@link ProjectionLease.Hold#commit}).
 */
class FeedSequence {

    static final String COLLECTION = "feed_sequence";
    private static final String ID = "performance";

    private final MongoTemplate mongo;

    FeedSequence(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The last number reserved so far (0: none). */
    static long current(MongoTemplate mongo) {
        Document counter = mongo.getCollection(COLLECTION).find(new Document("_id", ID)).first();
        return counter == null ? 0 : ((Number) counter.get("value")).longValue();
    }

    /** Reserves {@code count} numbers; returns the last, so they are {@code last - count + 1 .. last}. */
    long reserve(int count) {
        try {
            return increment(count);
        } catch (MongoException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
            // two first increments created the counter at once (a store that does not retry that itself):
            // it exists now, so the increment applies to it; nothing was reserved by the one that failed
            return increment(count);
        }
    }

    private long increment(int count) {
        Document counter = mongo.getCollection(COLLECTION).findOneAndUpdate(new Document("_id", ID),
                new Document("$inc", new Document("value", (long) count)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("value")).longValue();
    }
}
