package org.saferkent.victims.victimcase.adapter.out.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.saferkent.victims.victimcase.domain.VictimDetails;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.ReplaceOptions;

/**
 * Victims' personal details, one document per case ({@code victim_details}, keyed by case id), apart
 * from the case's operational fields so that they can be encrypted, audited and erased on their own
 * (the security issue adds that) without losing the anonymous statistics.
 */
public class VictimDetailsStore {

    public static final String COLLECTION = "victim_details";

    private final MongoTemplate mongo;

    public VictimDetailsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: fetching the same details again writes the same document again. */
    public void save(String caseId, String referralId, VictimDetails details, Instant receivedAt) {
        Document doc = new Document();
        mongo.getConverter().write(details, doc);
        doc.remove("_class");
        doc.put("_id", caseId);
        doc.put("referralId", referralId);
        doc.put("receivedAt", Date.from(receivedAt));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", caseId), doc, new ReplaceOptions().upsert(true));
    }

    public Optional<VictimDetails> find(String caseId) {
        Document doc = mongo.getCollection(COLLECTION).find(new Document("_id", caseId)).first();
        return Optional.ofNullable(doc).map(d -> mongo.getConverter().read(VictimDetails.class, d));
    }
}
