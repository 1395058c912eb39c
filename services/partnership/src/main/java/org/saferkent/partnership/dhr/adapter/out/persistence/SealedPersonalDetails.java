package org.saferkent.partnership.dhr.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.saferkent.partnership.dhr.application.PersonalDetails;
import org.saferkent.partnership.dhr.application.PersonalDetailsStore;
import org.saferkent.platform.dataprotection.PersonalDataVault;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.ReplaceOptions;

/**
 * A review's personal details, one document per review ({@code dhr_personal_details}, keyed by the review's id),
 * every field sealed (AES-256-GCM) with the review's own data key ({@code dhr:<reviewId>}) in the service's key
 * store: destroying that key shreds them ({@link #erase}: the data protection officer's erasure); the sealed document
 * stays, unreadable. In clear: the review's id only.
 */
public class SealedPersonalDetails implements PersonalDetailsStore {

    public static final String COLLECTION = "dhr_personal_details";

    private final MongoTemplate mongo;
    private final PersonalDataVault vault;

    public SealedPersonalDetails(MongoTemplate mongo, PersonalDataVault vault) {
        this.mongo = mongo;
        this.vault = vault;
    }

    static String subjectOf(String reviewId) {
        return "dhr:" + reviewId;
    }

    @Override
    public void save(String reviewId, PersonalDetails details) {
        Document doc = new Document("_id", reviewId).append("subject", subjectOf(reviewId))
                .append("sealed", vault.sealRecord(subjectOf(reviewId), reviewId, details));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", reviewId), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<PersonalDetails> find(String reviewId) {
        Document doc = mongo.getCollection(COLLECTION).find(new Document("_id", reviewId)).first();
        if (doc == null) {
            return Optional.empty();
        }
        return Optional.of(vault.openRecord(reviewId, doc.get("sealed", Document.class), PersonalDetails.class));
    }

    @Override
    public long erase(String reviewId, Instant at) {
        return vault.keys().destroy(List.of(subjectOf(reviewId)), at);
    }
}
