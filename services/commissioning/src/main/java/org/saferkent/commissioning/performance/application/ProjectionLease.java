package org.saferkent.commissioning.performance.application;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoException;
import com.mongodb.client.model.FindOneAndUpdateOptions;

/**
 * Who may write performance now: one holder at a time across all instances (a lease document taken
 * with one conditional upsert), so that sequence numbers are written in order and a rebuild never
 * races a refresh. A holder that dies loses the lease when it runs out.
 */
class ProjectionLease {

    static final String COLLECTION = "projection_leases";
    private static final String ID = "performance";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String holder;

    ProjectionLease(MongoTemplate mongo, Clock clock, String role) {
        this.mongo = mongo;
        this.clock = clock;
        this.holder = role + "-" + UUID.randomUUID();
    }

    boolean tryAcquire(Duration duration) {
        Date now = Date.from(clock.instant());
        Document free = new Document("_id", ID).append("$or", List.of(
                new Document("until", new Document("$lt", now)), new Document("holder", holder)));
        try {
            mongo.getCollection(COLLECTION).findOneAndUpdate(free,
                    new Document("$set", new Document("holder", holder).append("until", Date.from(clock.instant().plus(duration)))),
                    new FindOneAndUpdateOptions().upsert(true));
            return true;
        } catch (MongoException e) {
            if (e.getCode() == 11000) {
                return false; // held by someone else: the upsert tried to create a second lease document
            }
            throw e;
        }
    }

    void release() {
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID).append("holder", holder),
                new Document("$set", new Document("until", new Date(0))));
    }
}
