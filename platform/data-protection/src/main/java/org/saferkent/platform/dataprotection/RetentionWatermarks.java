package org.saferkent.platform.dataprotection;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;

/**
 * How far each retention purge of the service has come, in its own database: {@code retention_watermarks},
 * {@code _id} = the purge's name, {@code upTo} = the cutoff of its last finished run. Records settled
 * before {@code upTo} have been examined already, so a run reads only those settled since: its cost follows
 * what crossed the cutoff since the last run, not the years of anonymous records kept for the statistics.
 * Deleting a purge's document makes its next run examine everything again (as at its first run).
 */
public class RetentionWatermarks {

    public static final String COLLECTION = "retention_watermarks";
    private static final String UP_TO = "upTo";

    private final MongoTemplate mongo;

    public RetentionWatermarks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Where the purge's last finished run stopped; empty before its first. */
    public Optional<Instant> upTo(String purge) {
        Document watermark = watermarks().find(new Document("_id", purge)).first();
        return Optional.ofNullable(watermark).map(w -> w.getDate(UP_TO).toInstant());
    }

    /** Moves the purge's watermark forward to {@code cutoff}, never back (another instance may have gone further). */
    public void advance(String purge, Instant cutoff) {
        Document forward = new Document("$max", new Document(UP_TO, Date.from(cutoff)));
        try {
            watermarks().updateOne(new Document("_id", purge), forward, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            watermarks().updateOne(new Document("_id", purge), forward); // created meanwhile by another instance
        }
    }

    private MongoCollection<Document> watermarks() {
        return mongo.getCollection(COLLECTION);
    }
}
