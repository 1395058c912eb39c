package org.saferkent.referrals.referral.adapter.out.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.saferkent.platform.dataprotection.PersonalDataErasedException;
import org.saferkent.platform.dataprotection.PersonalDataVault;
import org.saferkent.referrals.referral.domain.PersonalDetails;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The subjects' personal data, one document per referral ({@code subject_details}), apart from the
 * referral's operational fields. Every personal field is sealed (AES-256-GCM) with the subject's data key,
 * the subject being the partnership pseudonym, so all of a person's referrals share one key and one
 * erasure shreds them all. In clear: the referral id and the subject's pseudonym, nothing else.
 *
 * <pre>{ _id: referralId, subject: pseudonym, sealed: { name: "v1:&lt;key&gt;:&lt;iv&gt;:&lt;ct&gt;", dateOfBirth: …, … } }</pre>
 *
 * <p>Documents written before encryption hold the fields in plain text ({@code { _id, name, dateOfBirth, … }},
 * no {@code sealed}, no {@code subject}) and have no key to destroy: an erasure overwrites them with an
 * erased mark ({@code { _id, subject, erasedAt }}, see {@link #eraseUnsealed}), and one is never served
 * once its subject (the referral's pseudonym) was erased, even if an erasure from before this rule left it.
 */
public class PersonalDetailsStore {

    static final String COLLECTION = "subject_details";

    static final String ERASED_AT = "erasedAt";

    private final MongoTemplate mongo;
    private final PersonalDataVault vault;
    private final String referrals;

    /** @param referrals the referrals' collection: the subject of a document written before encryption is its referral's */
    public PersonalDetailsStore(MongoTemplate mongo, PersonalDataVault vault, String referrals) {
        this.mongo = mongo;
        this.vault = vault;
        this.referrals = referrals;
    }

    /** Idempotent: a replayed intake writes the same details again (sealed afresh). */
    public void save(String referralId, String subjectPseudonym, PersonalDetails details) {
        Document doc = new Document("_id", referralId)
                .append("subject", subjectPseudonym)
                .append("sealed", vault.sealRecord(subjectPseudonym, referralId, details));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", referralId), doc, new ReplaceOptions().upsert(true));
    }

    /**
     * The data keys of these subjects read, and created for those who have none, together (one query, at most one
     * write), so the {@link #save}s that follow find them cached instead of creating them one by one.
     */
    public void prepareKeys(Collection<String> subjectPseudonyms) {
        vault.keys().activeKeys(subjectPseudonyms);
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
        if (!doc.containsKey("sealed")) { // stored before encryption (README), or overwritten by an erasure
            if (doc.containsKey(ERASED_AT) || subjectErased(referralId, doc.getString("subject"))) {
                throw new PersonalDataErasedException();
            }
            doc.remove("_id");
            return Optional.of(mongo.getConverter().read(PersonalDetails.class, doc));
        }
        return Optional.of(vault.openRecord(referralId, doc.get("sealed", Document.class), PersonalDetails.class));
    }

    /**
     * Overwrites the details written before encryption (plain text, nothing to shred) of every referral of
     * the subjects known by {@code pseudonyms}, leaving only the referral id, the pseudonym and when. Sealed
     * documents are left as they are: destroying their key shreds them. Idempotent.
     *
     * @return documents overwritten
     */
    public int eraseUnsealed(Collection<String> pseudonyms, Instant at) {
        if (pseudonyms.isEmpty()) {
            return 0;
        }
        List<Document> ofSubject = mongo.getCollection(referrals).find(Filters.in("subject.pseudonym", pseudonyms))
                .projection(new Document("subject.pseudonym", 1)).into(new ArrayList<>());
        int erased = 0;
        for (Document referral : ofSubject) {
            String id = referral.getString("_id");
            String subject = referral.get("subject", Document.class).getString("pseudonym");
            erased += (int) mongo.getCollection(COLLECTION).replaceOne(
                    Filters.and(Filters.eq("_id", id), Filters.exists("sealed", false)),
                    new Document("_id", id).append("subject", subject).append(ERASED_AT, Date.from(at))).getModifiedCount();
        }
        return erased;
    }

    /** Whether the subject of an unsealed document (its own, else its referral's) was erased, on request or by retention. */
    private boolean subjectErased(String referralId, String subject) {
        String pseudonym = subject;
        if (pseudonym == null) {
            Document referral = mongo.getCollection(referrals).find(Filters.eq("_id", referralId))
                    .projection(new Document("subject.pseudonym", 1)).first();
            Document ofReferral = referral == null ? null : referral.get("subject", Document.class);
            pseudonym = ofReferral == null ? null : ofReferral.getString("pseudonym");
        }
        return pseudonym != null && vault.keys().erasedAt(pseudonym).isPresent();
    }
}
