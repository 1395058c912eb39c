package org.saferkent.referrals.referral.adapter.out.persistence;

import java.util.Optional;

import org.bson.Document;
import org.saferkent.platform.dataprotection.PersonalDataErasedException;
import org.saferkent.platform.dataprotection.PersonalDataVault;
import org.saferkent.referrals.referral.domain.PersonalDetails;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.ReplaceOptions;

/**
 * The subjects' personal data, one document per referral ({@code subject_details}), apart from the
 * referral's operational fields. Every personal field is sealed (AES-256-GCM) with the subject's data key,
 * the subject being the partnership pseudonym, so all of a person's referrals share one key and one
 * erasure shreds them all. In clear: the referral id and the subject's pseudonym, nothing else.
 *
 * <pre>{ _id: referralId, subject: pseudonym, sealed: { name: "v1:&lt;key&gt;:&lt;iv&gt;:&lt;ct&gt;", dateOfBirth: …, … } }</pre>
 */
public class PersonalDetailsStore {

    static final String COLLECTION = "subject_details";

    private final MongoTemplate mongo;
    private final PersonalDataVault vault;

    public PersonalDetailsStore(MongoTemplate mongo, PersonalDataVault vault) {
        this.mongo = mongo;
        this.vault = vault;
    }

    /** Idempotent: a replayed intake writes the same details again (sealed afresh). */
    public void save(String referralId, String subjectPseudonym, PersonalDetails details) {
        Document doc = new Document("_id", referralId)
                .append("subject", subjectPseudonym)
                .append("sealed", vault.sealRecord(subjectPseudonym, referralId, details));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", referralId), doc, new ReplaceOptions().upsert(true));
    }

    /** Forgets the details an intake saved for a referral it never wrote (the intake was cut short). */
    public void delete(String referralId) {
        mongo.getCollection(COLLECTION).deleteOne(new Document("_id", referralId));
    }

    /**
     * The referral's personal details, if any are held. They are saved before the referral: details whose
     * referral does not exist belong to an intake that did not finish, and the caller must not serve them.
     *
     * @throws PersonalDataErasedException when the subject was erased (on request or by the retention policy)
     */
    public Optional<PersonalDetails> find(String referralId) {
        Document doc = mongo.getCollection(COLLECTION).find(new Document("_id", referralId)).first();
        if (doc == null) {
            return Optional.empty();
        }
        if (!doc.containsKey("sealed")) {
            doc.remove("_id");
            return Optional.of(mongo.getConverter().read(PersonalDetails.class, doc)); // stored before encryption (README)
        }
        return Optional.of(vault.openRecord(referralId, doc.get("sealed", Document.class), PersonalDetails.class));
    }
}
