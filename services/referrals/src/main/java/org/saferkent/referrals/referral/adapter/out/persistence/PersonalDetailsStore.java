package org.saferkent.referrals.referral.adapter.out.persistence;

import java.util.Optional;

import org.bson.Document;
import org.saferkent.referrals.referral.domain.PersonalDetails;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The subjects' personal data, one document per referral, apart from the referral's operational
 * fields so that it can be encrypted, audited and erased on its own (the security issue adds that).
 */
public class PersonalDetailsStore {

    static final String COLLECTION = "subject_details";

    private final MongoTemplate mongo;

    public PersonalDetailsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: a replayed intake writes the same document again. */
    public void save(String referralId, PersonalDetails details) {
        Document doc = new Document();
        mongo.getConverter().write(details, doc);
        doc.remove("_class");
        doc.put("_id", referralId);
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", referralId), doc,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    public Optional<PersonalDetails> find(String referralId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(referralId)), PersonalDetails.class, COLLECTION));
    }
}
