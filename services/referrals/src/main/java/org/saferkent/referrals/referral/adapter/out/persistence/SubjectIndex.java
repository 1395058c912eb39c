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
import com.mongodb.client.model.IndexOptions;
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
 *
 * <p>Who a person is (README, "Who a person is"): a history is stored under the pseudonym it was first referred under
 * (name, date of birth, postcode), and also keeps, never published, shown or logged, the person's <em>link key</em>
 * ({@code Pseudonymiser.personKeys}: name and date of birth alone, keyed) and the other pseudonyms it was referred
 * under. An intake whose pseudonym has no history joins the one history holding its link key (several: namesakes born
 * the same day, so it starts its own), unless that history had this pseudonym taken out of it ({@code unlinked}). A
 * history a first sighting starts <em>claims</em> its link key under a unique sparse index, so two first sightings of
 * one person from two postcodes at once make one history: the second insert fails, and its next attempt joins.
 */
public class SubjectIndex {

    static final String COLLECTION = "subjects";
    /** Pseudonyms the subject had under earlier partnership secrets. */
    static final String FORMER = "formerPseudonyms";
    static final String PENDING = "pending";
    /** The person's link keys (name and date of birth, keyed; current secret first): never published, shown or logged. */
    static final String PERSON_KEYS = "personKeys";
    /** The other pseudonyms the history was referred under (the person moved): each finds it directly. */
    static final String PSEUDONYMS = "pseudonyms";
    /** Pseudonyms whose link to this history was undone as wrong: their link key never joins them to it again. */
    static final String UNLINKED = "unlinked";
    /** The link key a history claimed when it was started, unique: one first sighting per person. */
    static final String CLAIMED_PERSON_KEY = "claimedPersonKey";
    /** Keyed NHS numbers the person was referred with (a strong identifier), and under which pseudonym each. */
    static final String NHS_KEYS = "nhsKeys";
    static final String NHS_KEYS_BY = "nhsKeysBy";
    /** At most this many histories are read for one link key: more than one already means namesakes. */
    private static final int NAMESAKES_READ = 10;
    /** Enough history for every rule (12 months of incidents, a week of duplicates) for any real subject. */
    private static final int KEPT = 50;

    /**
     * A subject's history at a version. {@code referralIds}: every referral already recorded here.
     * {@code pending}: the intake that wrote this history last, while its referral is not known to exist; null
     * once it is (and in histories written before intakes were marked).
     */
    public record SubjectRecord(long version, List<PriorReferral> priors, List<Incident> domesticAbuseIncidents,
            LocalDate lastMaracReferral, List<String> referralIds, Pending pending, Links links) {

        public SubjectRecord {
            links = links == null ? Links.NONE : links;
        }

        public SubjectRecord(long version, List<PriorReferral> priors, List<Incident> domesticAbuseIncidents,
                LocalDate lastMaracReferral, List<String> referralIds, Pending pending) {
            this(version, priors, domesticAbuseIncidents, lastMaracReferral, referralIds, pending, Links.NONE);
        }

        public static SubjectRecord none() {
            return new SubjectRecord(0, List.of(), List.of(), null, List.of(), null);
        }

        /** The pending intake's referral exists: its entries stand. */
        public SubjectRecord confirmed() {
            return new SubjectRecord(version, priors, domesticAbuseIncidents, lastMaracReferral, referralIds, null, links);
        }

        /** The same history, known also by {@code pseudonym} (unless it is stored under it) and these link keys. */
        public SubjectRecord knownAs(String storedUnder, String pseudonym, List<String> personKeys) {
            return knownAs(storedUnder, pseudonym, personKeys, List.of());
        }

        /** ... and by these keyed NHS numbers, given under {@code pseudonym}. */
        public SubjectRecord knownAs(String storedUnder, String pseudonym, List<String> personKeys, List<String> nhsKeys) {
            return new SubjectRecord(version, priors, domesticAbuseIncidents, lastMaracReferral, referralIds, pending,
                    links.with(storedUnder, pseudonym, personKeys, nhsKeys));
        }

        public SubjectRecord withLinks(Links links) {
            return new SubjectRecord(version, priors, domesticAbuseIncidents, lastMaracReferral, referralIds, pending, links);
        }

        /** The pending intake never finished: the history as it was before it, its entries and MARAC date gone. */
        public SubjectRecord withoutPending() {
            String gone = pending.referralId();
            return new SubjectRecord(version, priors.stream().filter(p -> !p.referralId().equals(gone)).toList(),
                    domesticAbuseIncidents.stream().filter(i -> !i.referralId().equals(gone)).toList(),
                    pending.lastMaracBefore(), referralIds.stream().filter(id -> !id.equals(gone)).toList(), null, links);
        }

        /**
         * The history split in two at an undone link: the entries of {@code referrals} (their own, with
         * {@code theirMarac}) and the rest (with {@code restMarac}); neither pending (the caller settled it first).
         */
        public SubjectRecord only(Collection<String> referrals, LocalDate theirMarac, Links theirLinks) {
            return new SubjectRecord(0, priors.stream().filter(p -> referrals.contains(p.referralId())).toList(),
                    domesticAbuseIncidents.stream().filter(i -> referrals.contains(i.referralId())).toList(), theirMarac,
                    referralIds.stream().filter(referrals::contains).toList(), null, theirLinks);
        }

        public SubjectRecord without(Collection<String> referrals, LocalDate restMarac, Links restLinks) {
            return new SubjectRecord(version, priors.stream().filter(p -> !referrals.contains(p.referralId())).toList(),
                    domesticAbuseIncidents.stream().filter(i -> !referrals.contains(i.referralId())).toList(), restMarac,
                    referralIds.stream().filter(id -> !referrals.contains(id)).toList(), null, restLinks);
        }
    }

    /**
     * How else the history's person is known, never published, shown or logged.
     *
     * @param personKeys their link keys (name and date of birth, keyed), current secret first
     * @param pseudonyms the other pseudonyms they were referred under (not the one the history is stored under)
     * @param unlinked   pseudonyms taken out of this history as a wrong link: never joined to it again
     */
    public record Links(List<String> personKeys, List<String> pseudonyms, List<String> unlinked, List<NhsKey> nhsKeys) {

        public static final Links NONE = new Links(List.of(), List.of(), List.of());

        public Links {
            personKeys = List.copyOf(personKeys);
            pseudonyms = List.copyOf(pseudonyms);
            unlinked = List.copyOf(unlinked);
            nhsKeys = nhsKeys == null ? List.of() : List.copyOf(nhsKeys);
        }

        public Links(List<String> personKeys, List<String> pseudonyms, List<String> unlinked) {
            this(personKeys, pseudonyms, unlinked, List.of());
        }

        Links with(String storedUnder, String pseudonym, List<String> keys, List<String> nhs) {
            Set<String> allKeys = new LinkedHashSet<>(personKeys);
            allKeys.addAll(keys);
            Set<String> others = new LinkedHashSet<>(pseudonyms);
            if (!pseudonym.equals(storedUnder)) {
                others.add(pseudonym);
            }
            Set<NhsKey> allNhs = new LinkedHashSet<>(nhsKeys);
            nhs.forEach(key -> allNhs.add(new NhsKey(key, pseudonym)));
            return new Links(List.copyOf(allKeys), List.copyOf(others), unlinked, List.copyOf(allNhs));
        }

        /** Without {@code pseudonym} (and the NHS numbers it was referred with), which never joins again. */
        public Links unlinking(String pseudonym) {
            Set<String> gone = new LinkedHashSet<>(unlinked);
            gone.add(pseudonym);
            return new Links(personKeys, pseudonyms.stream().filter(p -> !p.equals(pseudonym)).toList(), List.copyOf(gone),
                    nhsKeys.stream().filter(k -> !k.pseudonym().equals(pseudonym)).toList());
        }

        /** The NHS numbers {@code pseudonym} was referred with: they leave with it when its link is undone. */
        public List<NhsKey> nhsKeysOf(String pseudonym) {
            return nhsKeys.stream().filter(k -> k.pseudonym().equals(pseudonym)).toList();
        }

        List<String> nhsKeyValues() {
            return nhsKeys.stream().map(NhsKey::key).distinct().toList();
        }
    }

    /** A keyed NHS number, with the pseudonym it was referred under. */
    public record NhsKey(String key, String pseudonym) {
    }

    /**
     * Where an intake's subject's history is: the pseudonym it is stored under ({@code storedUnder}, the intake's own
     * when there is none yet) and the history.
     */
    public record Located(String storedUnder, SubjectRecord record) {
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
        // a person is found by any pseudonym they were referred under, or by their link key (multikey indexes)
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending(PSEUDONYMS));
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending(PERSON_KEYS));
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending(NHS_KEYS));
        // one first sighting per link key (sparse: only histories that started with a claim hold one)
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending(CLAIMED_PERSON_KEY), new IndexOptions().unique(true).sparse(true));
    }

    /** The history stored under this pseudonym (its current one), or none. */
    public SubjectRecord find(String pseudonym) {
        Document doc = mongo.getCollection(COLLECTION).find(new Document("_id", pseudonym)).first();
        return doc == null ? SubjectRecord.none() : parse(doc);
    }

    /**
     * The history of the person an intake refers under {@code pseudonym}, with their link keys {@code personKeys}: the
     * one stored under the pseudonym; else the one that knows them by it (referred from this address before, after
     * moving); else the one history holding their link key that the pseudonym was never taken out of. Several such
     * histories are namesakes born the same day, which the postcode could not tell apart: none is theirs, and the
     * intake starts a history of its own.
     */
    public Located locate(String pseudonym, List<String> personKeys) {
        return locate(pseudonym, personKeys, List.of());
    }

    /**
     * As {@link #locate(String, List)}, with the person's keyed NHS number when the agency gave one: before the link key,
     * the one history that has it (one NHS number is one person, whatever the spelling or the postcode); and a history
     * of the same name and date of birth that has another NHS number is someone else.
     */
    public Located locate(String pseudonym, List<String> personKeys, List<String> nhsKeys) {
        MongoCollection<Document> subjects = mongo.getCollection(COLLECTION);
        Document doc = subjects.find(new Document("_id", pseudonym)).first();
        if (doc == null) {
            doc = subjects.find(Filters.eq(PSEUDONYMS, pseudonym)).first();
        }
        if (doc == null && !nhsKeys.isEmpty()) {
            List<Document> holders = new ArrayList<>();
            subjects.find(Filters.in(NHS_KEYS, nhsKeys)).projection(new Document("_id", 1).append(UNLINKED, 1))
                    .limit(NAMESAKES_READ).forEach(holders::add);
            if (holders.size() == 1 && !holders.get(0).getList(UNLINKED, String.class, List.of()).contains(pseudonym)) {
                doc = subjects.find(new Document("_id", holders.get(0).getString("_id"))).first();
            }
        }
        if (doc == null && !personKeys.isEmpty()) {
            List<Document> namesakes = new ArrayList<>();
            subjects.find(Filters.in(PERSON_KEYS, personKeys)).projection(new Document("_id", 1).append(UNLINKED, 1)
                            .append(NHS_KEYS, 1)).limit(NAMESAKES_READ).forEach(namesakes::add);
            List<Document> joinable = namesakes.stream()
                    .filter(n -> !n.getList(UNLINKED, String.class, List.of()).contains(pseudonym))
                    // two different NHS numbers are two people: the NHS number wins over the name
                    .filter(n -> nhsKeys.isEmpty() || n.getList(NHS_KEYS, String.class, List.of()).isEmpty()).toList();
            if (joinable.size() == 1 && namesakes.size() == 1) {
                doc = subjects.find(new Document("_id", joinable.get(0).getString("_id"))).first();
            }
        }
        return doc == null ? new Located(pseudonym, SubjectRecord.none()) : new Located(doc.getString("_id"), parse(doc));
    }

    /** The history that knows the person by {@code pseudonym} as one of its other pseudonyms (a joined link), if any. */
    public Optional<Located> joinedUnder(String pseudonym) {
        Document doc = mongo.getCollection(COLLECTION).find(Filters.eq(PSEUDONYMS, pseudonym)).first();
        return doc == null || pseudonym.equals(doc.getString("_id")) ? Optional.empty()
                : Optional.of(new Located(doc.getString("_id"), parse(doc)));
    }

    private static SubjectRecord parse(Document doc) {
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
                        pending.getString("lastMaracBefore") == null ? null : LocalDate.parse(pending.getString("lastMaracBefore"))),
                new Links(doc.getList(PERSON_KEYS, String.class, List.of()), doc.getList(PSEUDONYMS, String.class, List.of()),
                        doc.getList(UNLINKED, String.class, List.of()), doc.getList(NHS_KEYS_BY, Document.class, List.of()).stream()
                                .map(k -> new NhsKey(k.getString("key"), k.getString("pseudonym"))).toList()));
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
        return save(pseudonym, previous, next, true);
    }

    /**
     * @param yieldToClaimant for an intake's first history: false (to try again, and join) when the person was claimed
     *        since the intake looked; a split of an undone link never yields (the history it leaves holds the claim)
     */
    private boolean save(String pseudonym, SubjectRecord previous, SubjectRecord next, boolean yieldToClaimant) {
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
                                : next.pending().lastMaracBefore().toString()))
                .append(PERSON_KEYS, next.links().personKeys())
                .append(PSEUDONYMS, next.links().pseudonyms())
                .append(UNLINKED, next.links().unlinked())
                .append(NHS_KEYS, next.links().nhsKeyValues())
                .append(NHS_KEYS_BY, next.links().nhsKeys().stream()
                        .map(k -> new Document("key", k.key()).append("pseudonym", k.pseudonym())).toList());
        if (previous.version() == 0) {
            String claim = next.links().personKeys().isEmpty() ? null : next.links().personKeys().get(0);
            if (claim != null) {
                if (mongo.getCollection(COLLECTION).find(Filters.eq(CLAIMED_PERSON_KEY, claim))
                        .projection(new Document("_id", 1)).first() == null) {
                    // a first sighting of this person: of two at once (two postcodes), one insert wins, the other joins it
                    body.append(CLAIMED_PERSON_KEY, claim);
                } else if (yieldToClaimant
                        && !pseudonym.equals(locate(pseudonym, next.links().personKeys(), next.links().nhsKeyValues()).storedUnder())) {
                    // claimed since this intake looked, by the other of two first sightings at once: it joins that
                    // history on its next attempt
                    return false;
                }
                // else held by a history this intake does not join (namesakes, or a link undone): no claim
            }
            try {
                mongo.getCollection(COLLECTION).insertOne(body.append("_id", pseudonym));
                return true;
            } catch (MongoWriteException e) {
                if (DuplicateKeys.is(e)) {
                    return false; // another intake recorded this subject (or claimed this person) first
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
        if (previous.isEmpty() || subjects.countDocuments(Filters.or(Filters.eq("_id", current), Filters.eq(PSEUDONYMS, current))) > 0) {
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
            Object claim = moved.remove(CLAIMED_PERSON_KEY); // unique: the copy takes it once the old history is gone
            try {
                subjects.insertOne(moved);
            } catch (MongoWriteException e) {
                if (!DuplicateKeys.is(e)) {
                    throw e;
                }
                return Optional.empty(); // another intake moved it first
            }
            subjects.deleteOne(new Document("_id", old));
            if (claim != null) {
                try {
                    subjects.updateOne(new Document("_id", current), new Document("$set", new Document(CLAIMED_PERSON_KEY, claim)));
                } catch (MongoWriteException e) {
                    if (!DuplicateKeys.is(e)) {
                        throw e;
                    }
                }
            }
            return Optional.of(old);
        }
        return Optional.empty();
    }

    /**
     * Every pseudonym the subjects known by any of {@code pseudonyms} have had (current, former, and those they were
     * referred under from other addresses), the given ones included: what an erasure must shred.
     */
    public Set<String> allPseudonymsOf(Collection<String> pseudonyms) {
        Set<String> all = new LinkedHashSet<>(pseudonyms);
        List<String> given = List.copyOf(pseudonyms);
        mongo.getCollection(COLLECTION).find(Filters.or(Filters.in("_id", given), Filters.in(FORMER, given),
                        Filters.in(PSEUDONYMS, given)))
                .forEach(doc -> {
                    all.add(doc.getString("_id"));
                    all.addAll(doc.getList(FORMER, String.class, List.of()));
                    all.addAll(doc.getList(PSEUDONYMS, String.class, List.of()));
                });
        return all;
    }

    /**
     * After an erasure: the histories under these pseudonyms forget the person's link keys and claim (their name and
     * date of birth, keyed) and keyed NHS numbers, so a namesake is never joined to an erased person's history by them. The histories and
     * their pseudonyms stay, as the rest of the index does. The version moves on, so an intake that read a history
     * before does not write the keys back.
     */
    public void forgetLinkKeys(Collection<String> pseudonyms) {
        mongo.getCollection(COLLECTION).updateMany(Filters.in("_id", List.copyOf(pseudonyms)),
                new Document("$unset", new Document(PERSON_KEYS, "").append(CLAIMED_PERSON_KEY, "").append(NHS_KEYS, "")
                        .append(NHS_KEYS_BY, ""))
                        .append("$inc", new Document("version", 1L)));
    }

    /**
     * Starts the history of a pseudonym taken out of another's by an undone link, stored under that pseudonym. It keeps
     * the link keys (unclaimed while the history it left holds the claim): two histories with one link key are
     * namesakes known to be two, so a third address of that name and date of birth joins neither.
     *
     * @return false when it exists already (an earlier attempt of the same undo got this far; a referral since found it)
     */
    public boolean insertSplit(String pseudonym, SubjectRecord split) {
        return save(pseudonym, SubjectRecord.none(), split, false);
    }

    /** Whether the index holds a history under this pseudonym (its current one). */
    public boolean isIndexed(String pseudonym) {
        return mongo.getCollection(COLLECTION).countDocuments(new Document("_id", pseudonym)) > 0;
    }

    private static <T> List<T> last(List<T> items) {
        return items.size() <= KEPT ? items : new ArrayList<>(items.subList(items.size() - KEPT, items.size()));
    }

}
