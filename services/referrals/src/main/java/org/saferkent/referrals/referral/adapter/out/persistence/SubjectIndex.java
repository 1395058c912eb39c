package org.saferkent.referrals.referral.adapter.out.persistence;

import org.saferkent.platform.outbox.DuplicateKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.saferkent.referrals.triage.domain.PriorReferral;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

/**
 * What the partnership knows of one subject, by pseudonym only: their earlier primary referrals (for
 * duplicate linking), domestic abuse incidents and last MARAC referral (for repeats and escalation).
 * Written with a version check so two agencies referring the same person at once cannot both be
 * "first".
 *
 * <p>An intake writes the history before its referral (the referral is the commit point), so the history
 * names the intake that wrote it last as {@code pending} until its referral is seen to exist: a crash in
 * between leaves a history that must not be believed as it stands ({@code UnfinishedIntakes} decides).
 */
public class SubjectIndex {

    static final String COLLECTION = "subjects";
    /** Pseudonyms the subject had under earlier partnership secrets. */
    static final String FORMER = "formerPseudonyms";
    static final String PENDING = "pending";
    /** Enough history for every rule (12 months of incidents, a week of duplicates) for any real subject. */
    private static final int KEPT = 50;

    /**
     * A subject's history at a version. {@code referralIds}: every referral already recorded here.
     * {@code pending}: the intake that wrote this history last, while its referral is not known to exist; null
     * once it is (and in histories written before intakes were marked).
     */
    public record SubjectRecord(long version, List<PriorReferral> priors, List<Incident> domesticAbuseIncidents,
            LocalDate lastMaracReferral, List<String> referralIds, Pending pending) {

        public static SubjectRecord none() {
            return new SubjectRecord(0, List.of(), List.of(), null, List.of(), null);
        }

        /** The pending intake's referral exists: its entries stand. */
        public SubjectRecord confirmed() {
            return new SubjectRecord(version, priors, domesticAbuseIncidents, lastMaracReferral, referralIds, null);
        }

        /** The pending intake never finished: the history as it was before it, its entries and MARAC date gone. */
        public SubjectRecord withoutPending() {
            String gone = pending.referralId();
            return new SubjectRecord(version, priors.stream().filter(p -> !p.referralId().equals(gone)).toList(),
                    domesticAbuseIncidents.stream().filter(i -> !i.referralId().equals(gone)).toList(),
                    pending.lastMaracBefore(), referralIds.stream().filter(id -> !id.equals(gone)).toList(), null);
        }
    }

    /**
     * The intake that recorded its referral in a history, before the referral itself was written.
     *
     * @param lastMaracBefore the subject's last MARAC referral before this intake (what to go back to if it never finished)
     */
    public record Pending(String referralId, Instant recordedAt, LocalDate lastMaracBefore) {
    }

    /** A domestic abuse incident, with the referral that reported it (so a replayed intake can leave itself out). */
    public record Incident(String referralId, LocalDate date) {
    }

    private final MongoTemplate mongo;

    public SubjectIndex(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending(FORMER)); // erasures find a subject by any old pseudonym
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending(PENDING + ".recordedAt")); // the settlement of dead intakes
    }

    public SubjectRecord find(String pseudonym) {
        Document doc = mongo.getCollection(COLLECTION).find(new Document("_id", pseudonym)).first();
        if (doc == null) {
            return SubjectRecord.none();
        }
        List<PriorReferral> priors = doc.getList("priors", Document.class, List.of()).stream()
                .map(p -> new PriorReferral(p.getString("referralId"), p.getString("agency"), p.getString("crimeReference"),
                        p.getString("category"), p.getDate("receivedAt").toInstant(), p.getList("flags", String.class, List.of())))
                .toList();
        List<Incident> incidents = doc.getList("domesticAbuseIncidents", Document.class, List.of()).stream()
                .map(i -> new Incident(i.getString("referralId"), LocalDate.parse(i.getString("date")))).toList();
        String lastMarac = doc.getString("lastMaracReferral");
        Document pending = doc.get(PENDING, Document.class);
        return new SubjectRecord(((Number) doc.get("version")).longValue(), priors, incidents,
                lastMarac == null ? null : LocalDate.parse(lastMarac), doc.getList("referralIds", String.class, List.of()),
                pending == null ? null : new Pending(pending.getString("referralId"), pending.getDate("recordedAt").toInstant(),
                        pending.getString("lastMaracBefore") == null ? null : LocalDate.parse(pending.getString("lastMaracBefore"))));
    }

    /** The subjects whose history names an intake recorded after {@code after} and at or before {@code upTo} (an index range). */
    public List<String> pendingBetween(Instant after, Instant upTo) {
        List<String> pseudonyms = new ArrayList<>();
        mongo.getCollection(COLLECTION).find(Filters.and(Filters.gt(PENDING + ".recordedAt", Date.from(after)),
                        Filters.lte(PENDING + ".recordedAt", Date.from(upTo))))
                .projection(new Document("_id", 1)).forEach(doc -> pseudonyms.add(doc.getString("_id")));
        return pseudonyms;
    }

    /** Saves the subject's new history if nobody changed it since {@code previous} was read. */
    public boolean save(String pseudonym, SubjectRecord previous, SubjectRecord next) {
        Document body = new Document("version", previous.version() + 1)
                .append("priors", last(next.priors()).stream().map(p -> new Document("referralId", p.referralId())
                        .append("agency", p.agency()).append("crimeReference", p.crimeReference())
                        .append("category", p.category()).append("receivedAt", Date.from(p.receivedAt()))
                        .append("flags", p.flags())).toList())
                .append("domesticAbuseIncidents", last(next.domesticAbuseIncidents()).stream()
                        .map(i -> new Document("referralId", i.referralId()).append("date", i.date().toString())).toList())
                .append("lastMaracReferral", next.lastMaracReferral() == null ? null : next.lastMaracReferral().toString())
                .append("referralIds", last(next.referralIds()))
                .append(PENDING, next.pending() == null ? null : new Document("referralId", next.pending().referralId())
                        .append("recordedAt", Date.from(next.pending().recordedAt()))
                        .append("lastMaracBefore", next.pending().lastMaracBefore() == null ? null
                                : next.pending().lastMaracBefore().toString()));
        if (previous.version() == 0) {
            try {
                mongo.getCollection(COLLECTION).insertOne(body.append("_id", pseudonym));
                return true;
            } catch (MongoWriteException e) {
                if (DuplicateKeys.is(e)) {
                    return false; // another intake recorded this subject first
                }
                throw e;
            }
        }
        return mongo.getCollection(COLLECTION).updateOne(
                new Document("_id", pseudonym).append("version", previous.version()),
                new Document("$set", body)).getMatchedCount() == 1;
    }

    /**
     * After a rotation of the pseudonym secret: if the subject is not yet known under {@code current} but is
     * under one of {@code previous} (their pseudonyms under earlier secrets), moves that history to
     * {@code current}, remembering the old pseudonym in {@code formerPseudonyms}, so that duplicate and
     * repeat detection go on finding the subject's earlier referrals. Nothing is published: the index is
     * referrals' own, and only pseudonyms move.
     *
     * @return the pseudonym the history was found under, if it moved
     */
    public Optional<String> adopt(String current, List<String> previous) {
        MongoCollection<Document> subjects = mongo.getCollection(COLLECTION);
        if (previous.isEmpty() || subjects.countDocuments(new Document("_id", current)) > 0) {
            return Optional.empty();
        }
        for (String old : previous) {
            Document doc = subjects.find(new Document("_id", old)).first();
            if (doc == null) {
                continue;
            }
            List<String> former = new ArrayList<>(doc.getList(FORMER, String.class, List.of()));
            former.add(old);
            Document moved = new Document(doc).append("_id", current).append(FORMER, former);
            try {
                subjects.insertOne(moved);
            } catch (MongoWriteException e) {
                if (!DuplicateKeys.is(e)) {
                    throw e;
                }
                return Optional.empty(); // another intake moved it first
            }
            subjects.deleteOne(new Document("_id", old));
            return Optional.of(old);
        }
        return Optional.empty();
    }

    /**
     * Every pseudonym the subjects known by any of {@code pseudonyms} have had (current and former), the
     * given ones included: what an erasure must shred.
     */
    public Set<String> allPseudonymsOf(Collection<String> pseudonyms) {
        Set<String> all = new LinkedHashSet<>(pseudonyms);
        List<String> given = List.copyOf(pseudonyms);
        mongo.getCollection(COLLECTION).find(Filters.or(Filters.in("_id", given), Filters.in(FORMER, given)))
                .forEach(doc -> {
                    all.add(doc.getString("_id"));
                    all.addAll(doc.getList(FORMER, String.class, List.of()));
                });
        return all;
    }

    /** Whether the index holds a history under this pseudonym (its current one). */
    public boolean isIndexed(String pseudonym) {
        return mongo.getCollection(COLLECTION).countDocuments(new Document("_id", pseudonym)) > 0;
    }

    private static <T> List<T> last(List<T> items) {
        return items.size() <= KEPT ? items : new ArrayList<>(items.subList(items.size() - KEPT, items.size()));
    }

}
