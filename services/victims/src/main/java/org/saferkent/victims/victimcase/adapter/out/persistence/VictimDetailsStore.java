package org.saferkent.victims.victimcase.adapter.out.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.saferkent.platform.dataprotection.PersonalDataErasedException;
import org.saferkent.platform.dataprotection.PersonalDataVault;
import org.saferkent.victims.victimcase.domain.VictimDetails;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * Victims' personal details, one document per case ({@code victim_details}, keyed by case id), apart
 * from the case's operational fields. Every personal field is sealed (AES-256-GCM) with the subject's data
 * key in victims' own key store, the subject being the partnership pseudonym: erasing the subject
 * destroys that key, and every case's details of the person become unreadable at once, while the cases
 * and their anonymous statistics stay. In clear: case and referral ids, the pseudonym, when they arrived.
 *
 * <p>Documents written before encryption hold the fields in plain text (no {@code sealed}, no {@code subject})
 * and have no key to destroy: an erasure overwrites them with an erased mark ({@code { _id, subject, erasedAt }},
 * see {@link #eraseUnsealed}), and one is never served once its subject (the case's pseudonym) was erased,
 * even if an erasure heard before this rule left it.
 */
public class VictimDetailsStore {

    public static final String COLLECTION = "victim_details";

    static final String ERASED_AT = "erasedAt";

    private final MongoTemplate mongo;
    private final PersonalDataVault vault;
    private final String cases;

    /** @param cases the victim cases' collection: the subject of a document written before encryption is its case's */
    public VictimDetailsStore(MongoTemplate mongo, PersonalDataVault vault, String cases) {
        this.mongo = mongo;
        this.vault = vault;
        this.cases = cases;
    }

    /** The key subject of a case: its pseudonym, or the case itself when the referral carried none. */
    public static String subjectOf(String caseId, String subjectPseudonym) {
        return subjectPseudonym == null || subjectPseudonym.isBlank() ? "case:" + caseId : subjectPseudonym;
    }

    /** One case's details as fetched, for {@link #saveAll}; {@code caseOpenedAt}: when the case opened. */
    public record Fetched(String caseId, String referralId, String subjectPseudonym, Instant caseOpenedAt, VictimDetails details) {
    }

    /**
     * Stores the details of several cases in three commands whatever their number: the subjects' erasures read
     * at once, the keys of new subjects created in one insert, the documents written in one bulk write.
     * Idempotent: fetching the same details again writes them again (sealed afresh).
     *
     * @return the cases whose details were stored; the others' subjects were erased since the case opened (or at
     *         all, when its opening is not known): their details were fetched before the erasure reached referrals,
     *         and must not outlive it
     */
    public Set<String> saveAll(List<Fetched> fetched, Instant receivedAt) {
        Map<String, String> subjects = new LinkedHashMap<>();
        fetched.forEach(one -> subjects.put(one.caseId(), subjectOf(one.caseId(), one.subjectPseudonym())));
        Map<String, Instant> erasures = vault.keys().erasedAt(subjects.values());
        List<Fetched> kept = fetched.stream().filter(one -> {
            Instant erased = erasures.get(subjects.get(one.caseId()));
            return erased == null || one.caseOpenedAt() != null && erased.isBefore(one.caseOpenedAt());
        }).toList();
        if (kept.isEmpty()) {
            return Set.of();
        }
        vault.keys().activeKeys(kept.stream().map(one -> subjects.get(one.caseId())).toList()); // sealing below finds them cached
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Fetched one : kept) {
            String subject = subjects.get(one.caseId());
            Document doc = new Document("_id", one.caseId())
                    .append("referralId", one.referralId())
                    .append("subject", subject)
                    .append("receivedAt", Date.from(receivedAt))
                    .append("sealed", vault.sealRecord(subject, one.caseId(), one.details()));
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", one.caseId()), doc, new ReplaceOptions().upsert(true)));
        }
        mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        Set<String> saved = new LinkedHashSet<>();
        kept.forEach(one -> saved.add(one.caseId()));
        return saved;
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
        if (!doc.containsKey("sealed")) { // stored before encryption (README), or overwritten by an erasure
            if (doc.containsKey(ERASED_AT) || subjectErased(caseId, doc.getString("subject"))) {
                throw new PersonalDataErasedException();
            }
            return Optional.of(mongo.getConverter().read(VictimDetails.class, doc));
        }
        return Optional.of(vault.openRecord(caseId, doc.get("sealed", Document.class), VictimDetails.class));
    }

    /**
     * Overwrites the details written before encryption (plain text, nothing to shred) of every case of the
     * subjects known by {@code pseudonyms}, leaving only the case id, the pseudonym and when. Sealed
     * documents are left as they are: destroying their key shreds them. Idempotent.
     *
     * @return documents overwritten
     */
    public int eraseUnsealed(Collection<String> pseudonyms, Instant at) {
        if (pseudonyms.isEmpty()) {
            return 0;
        }
        List<Document> ofSubject = mongo.getCollection(cases).find(Filters.in("profile.subjectPseudonym", pseudonyms))
                .projection(new Document("profile.subjectPseudonym", 1)).into(new ArrayList<>());
        int erased = 0;
        for (Document victimCase : ofSubject) {
            String id = victimCase.getString("_id");
            String subject = victimCase.get("profile", Document.class).getString("subjectPseudonym");
            erased += (int) mongo.getCollection(COLLECTION).replaceOne(
                    Filters.and(Filters.eq("_id", id), Filters.exists("sealed", false)),
                    new Document("_id", id).append("subject", subject).append(ERASED_AT, Date.from(at))).getModifiedCount();
        }
        return erased;
    }

    /** Whether the subject of an unsealed document (its own, else its case's) was erased, on request or by retention. */
    private boolean subjectErased(String caseId, String subject) {
        String pseudonym = subject;
        if (pseudonym == null) {
            Document victimCase = mongo.getCollection(cases).find(Filters.eq("_id", caseId))
                    .projection(new Document("profile.subjectPseudonym", 1)).first();
            Document profile = victimCase == null ? null : victimCase.get("profile", Document.class);
            pseudonym = profile == null ? null : profile.getString("subjectPseudonym");
        }
        return pseudonym != null && vault.keys().erasedAt(pseudonym).isPresent();
    }
}
