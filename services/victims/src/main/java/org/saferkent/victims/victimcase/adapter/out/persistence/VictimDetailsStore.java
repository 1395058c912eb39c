package org.saferkent.victims.victimcase.adapter.out.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.saferkent.platform.dataprotection.PersonalDataErasedException;
import org.saferkent.platform.dataprotection.PersonalDataVault;
import org.saferkent.victims.victimcase.domain.VictimDetails;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.ReplaceOptions;

/**
 * Victims' personal details, one document per case ({@code victim_details}, keyed by case id), apart
 * from the case's operational fields. Every personal field is sealed (AES-256-GCM) with the subject's data
 * key in victims' own key store, the subject being the partnership pseudonym: erasing the subject
 * destroys that key, and every case's details of the person become unreadable at once, while the cases
 * and their anonymous statistics stay. In clear: case and referral ids, the pseudonym, when they arrived.
 */
public class VictimDetailsStore {

    public static final String COLLECTION = "victim_details";

    private final MongoTemplate mongo;
    private final PersonalDataVault vault;

    public VictimDetailsStore(MongoTemplate mongo, PersonalDataVault vault) {
        this.mongo = mongo;
        this.vault = vault;
    }

    /** The key subject of a case: its pseudonym, or the case itself when the referral carried none. */
    public static String subjectOf(String caseId, String subjectPseudonym) {
        return subjectPseudonym == null || subjectPseudonym.isBlank() ? "case:" + caseId : subjectPseudonym;
    }

    /**
     * Idempotent: fetching the same details again writes them again (sealed afresh).
     *
     * @param caseOpenedAt when the case opened: details of a subject erased since then are not stored
     * @return false when nothing was stored because the subject was erased after the case opened (the
     *         details were fetched before the erasure reached referrals, and must not outlive it)
     */
    public boolean save(String caseId, String referralId, String subjectPseudonym, Instant caseOpenedAt, VictimDetails details,
            Instant receivedAt) {
        String subject = subjectOf(caseId, subjectPseudonym);
        Optional<Instant> erased = vault.keys().erasedAt(subject);
        if (erased.isPresent() && (caseOpenedAt == null || !erased.get().isBefore(caseOpenedAt))) {
            return false;
        }
        Document doc = new Document("_id", caseId)
                .append("referralId", referralId)
                .append("subject", subject)
                .append("receivedAt", Date.from(receivedAt))
                .append("sealed", vault.sealRecord(subject, caseId, details));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", caseId), doc, new ReplaceOptions().upsert(true));
        return true;
    }

    /**
     * The case's details, if any are held.
     *
     * @throws PersonalDataErasedException when the subject was erased (on request or by the retention policy)
     */
    public Optional<VictimDetails> find(String caseId) {
        Document doc = mongo.getCollection(COLLECTION).find(new Document("_id", caseId)).first();
        if (doc == null) {
            return Optional.empty();
        }
        if (!doc.containsKey("sealed")) {
            return Optional.of(mongo.getConverter().read(VictimDetails.class, doc)); // stored before encryption (README)
        }
        return Optional.of(vault.openRecord(caseId, doc.get("sealed", Document.class), VictimDetails.class));
    }
}
