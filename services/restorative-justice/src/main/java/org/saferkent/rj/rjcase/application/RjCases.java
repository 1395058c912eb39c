package org.saferkent.rj.rjcase.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.rj.rjcase.domain.Change;
import org.saferkent.rj.rjcase.domain.DirectContactPolicy;
import org.saferkent.rj.rjcase.domain.ParticipantRole;
import org.saferkent.rj.rjcase.domain.RjCase;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;

/**
 * Opens restorative justice cases from their three sources — a routed referral, a victim's opt-in, a
 * Youth Offending Service referral — exactly once per source (the case id is derived from it), and
 * reads them.
 */
public class RjCases {

    /** The case, and whether this call opened it (false: the source was seen before). */
    public record Opened(RjCase rjCase, boolean created) {
    }

    /** A routed referral's district, category and flags (no person): what a case its victim's opt-in opens learns from it. */
    public record ReferralFlags(String referralId, String district, String category, List<String> flags) {

        Document known() {
            return new Document("district", district).append("category", category)
                    .append("flags", flags == null ? List.of() : List.copyOf(flags));
        }
    }

    /** A young offender referred by the Youth Offending Service. */
    public record YosReferral(String yosReference, String offenderPseudonym, int ageAtOffence, String offenceCategory,
            LocalDate offenceDate, String district, List<String> flags) {
    }

    static final String YOS_AGENCY = "kcc-youth-offending-service";
    /**
     * Each routed referral's district, category and flags — no person, no pseudonym — whatever its pathway, so
     * that a case a victim's opt-in opens later (the opt-in does not carry them) learns its sensitivity.
     */
    static final String REFERRAL_FLAGS = "rj_referral_flags";
    private static final int ATTEMPTS = 5;
    /** Referrals whose flags this instance wrote lately (see {@link #keepFlags}). */
    private static final int REMEMBERED = 10_000;

    private final AggregateStore<RjCase> cases;
    private final MongoTemplate mongo;
    private final Set<String> pathways;
    private final DirectContactPolicy policy;
    private final Clock clock;
    /**
     * The flags this instance wrote (and the store acknowledged) lately, by referral: a referral routed to
     * several pathways carries the same flags in each routing, and writing them again would change nothing.
     * Nothing else writes or removes them, so skipping that write loses nothing; after a restart the
     * first routing writes them again.
     */
    private final java.util.Map<String, Document> written = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Document> eldest) {
                    return size() > REMEMBERED;
                }
            });

    public RjCases(AggregateStore<RjCase> cases, MongoTemplate mongo, Set<String> pathways, DirectContactPolicy policy,
            Clock clock) {
        this.cases = cases;
        this.mongo = mongo;
        this.pathways = pathways;
        this.policy = policy;
        this.clock = clock;
        IndexOperations indexes = mongo.indexOps(cases.collection());
        indexes.createIndex(new Index().on("referralId", Sort.Direction.ASC)); // byReferral: a case an opt-in opened under its victim case's id
        // offendersWhoTookPart: the cohort's pseudonyms, then whether a conference was held
        indexes.createIndex(new Index().on("participants.pseudonym", Sort.Direction.ASC).on("conference.heldOn", Sort.Direction.ASC));
    }

    /**
     * Opens the case for a referral routed to restorative justice, exactly once per referral. If its
     * victim's opt-in was handled first and opened the case (keyed by this referral too), the referral
     * joins that case instead, once per event: either order ends in the same single case.
     *
     * <p>A routing to another pathway opens nothing, but its category and flags are kept, and given to a case
     * its victim's opt-in opened (now or later): that case's sensitivity is the referral's however it was opened.
     * One routing alone: {@link #keepFlags} then {@link #routedWithFlagsKept}, as a poll's routings are handled.
     */
    public void referralRouted(String eventId, String referralId, String district, String category, List<String> flags,
            String pathway, String subjectRole, String subjectPseudonym) {
        keepFlags(List.of(new ReferralFlags(referralId, district, category, flags)));
        routedWithFlagsKept(eventId, referralId, district, category, flags, pathway, subjectRole, subjectPseudonym);
    }

    /**
     * A routing's case, once its flags are kept ({@link #keepFlags}, which must come first: an opt-in opening the case
     * meanwhile reads them, and whichever of the two comes second gives the case the referral's flags). Exactly once
     * per event, as {@link #referralRouted}.
     */
    public void routedWithFlagsKept(String eventId, String referralId, String district, String category, List<String> flags,
            String pathway, String subjectRole, String subjectPseudonym) {
        if (!pathways.contains(pathway)) {
            byReferral(referralId).filter(RjCase::referralPending).ifPresent(rjCase -> apply(eventId, rjCase.id(),
                    c -> c.referralKnown(referralId, district, category, flags, policy, clock.instant())));
            return;
        }
        ParticipantRole role = "victim".equals(subjectRole) ? ParticipantRole.VICTIM
                : "offender".equals(subjectRole) ? ParticipantRole.OFFENDER : null;
        Change opened = RjCase.fromReferral(referralId, district, category, flags, role, subjectPseudonym, policy,
                clock.instant());
        String id = opened.rjCase().id();
        if (cases.insert(id, opened.rjCase(), opened.events())) {
            return;
        }
        apply(eventId, id, rjCase -> rjCase.referralRouted(referralId, district, category, flags, role, subjectPseudonym,
                policy, clock.instant()));
    }

    /**
     * A victim opted into restorative justice. The case is keyed by their referral when the event names
     * it, so whichever of the opt-in and the referral's routing comes first opens it and the other joins
     * it (once per event); an opt-in without a referral opens a case of its own, once per victim case.
     * A case the opt-in opens takes the referral's flags if its routing (to any pathway) was seen already;
     * until they are known it counts as possibly sensitive ({@link RjCase#referralPending()}).
     */
    public void victimOptedIn(String eventId, String victimCaseId, String referralId, String district, String category,
            String subjectPseudonym) {
        Change opened = RjCase.fromVictimOptIn(victimCaseId, referralId, district, category, subjectPseudonym, policy,
                clock.instant());
        String id = opened.rjCase().id();
        if (!cases.insert(id, opened.rjCase(), opened.events())) {
            apply(eventId, id, rjCase -> rjCase.victimOptedIn(victimCaseId, subjectPseudonym, clock.instant()));
        }
        if (referralId == null) {
            return;
        }
        Document known = mongo.getCollection(REFERRAL_FLAGS).find(new Document("_id", referralId)).first();
        if (known != null) {
            apply(eventId + "/referral-flags", id, rjCase -> rjCase.referralKnown(referralId, known.getString("district"),
                    known.getString("category"), known.getList("flags", String.class, List.of()), policy, clock.instant()));
        }
    }

    /**
     * Keeps routed referrals' flags (a poll's routings, in their order: a referral's last routing wins, as one by one)
     * with one unordered bulk write of upserts, leaving out those this instance wrote lately with the same flags. The
     * same flags written again change nothing, so a poll delivered again may write them again.
     */
    public void keepFlags(Collection<ReferralFlags> routed) {
        Map<String, Document> latest = new LinkedHashMap<>();
        for (ReferralFlags referral : routed) {
            latest.put(referral.referralId(), referral.known());
        }
        latest.entrySet().removeIf(known -> known.getValue().equals(written.get(known.getKey()))); // written already
        if (latest.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> upserts = new ArrayList<>(latest.size());
        latest.forEach((referralId, known) -> upserts.add(new UpdateOneModel<>(new Document("_id", referralId),
                new Document("$set", known), new UpdateOptions().upsert(true))));
        MongoCollection<Document> flags = mongo.getCollection(REFERRAL_FLAGS);
        try {
            flags.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream().allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            // another instance created some of these a moment ago: the same upserts now update them
            flags.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
        }
        written.putAll(latest);
    }

    /** Applies an inbound event's decision to an existing case, exactly once, deciding again if the case moved on. */
    private void apply(String eventId, String id, Function<RjCase, Change> decision) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Loaded<RjCase> loaded = cases.find(id).orElseThrow();
            Change change = decision.apply(loaded.state());
            if (!change.changed()) {
                return;
            }
            try {
                cases.applyOnce(id, loaded.version(), change.rjCase(), change.events(), eventId);
                return;
            } catch (ConcurrentUpdateException e) {
                // the case moved on meanwhile: decide again
            }
        }
        throw new ConcurrentUpdateException(cases.collection(), id, -1);
    }

    /** Opens the case for a YOS referral; the same YOS reference always names the same case. */
    public Opened referFromYouthOffendingService(YosReferral referral) {
        String id = RjCase.idFor(RjCase.YOS, UUID.nameUUIDFromBytes((YOS_AGENCY + "\u0000" + referral.yosReference())
                .getBytes(StandardCharsets.UTF_8)).toString());
        Optional<RjCase> earlier = find(id);
        if (earlier.isPresent()) {
            return new Opened(earlier.get(), false);
        }
        Change opened = RjCase.fromYouthOffendingService(id, referral.yosReference(), referral.offenderPseudonym(),
                referral.ageAtOffence(), referral.offenceCategory(), referral.offenceDate(), referral.district(),
                referral.flags(), policy, clock.instant());
        if (cases.insert(id, opened.rjCase(), opened.events())) {
            return new Opened(opened.rjCase(), true);
        }
        return new Opened(find(id).orElseThrow(), false); // the same reference raced in from another request
    }

    public Optional<RjCase> find(String id) {
        return cases.find(id).map(Loaded::state);
    }

    /**
     * The case of a referral: keyed by it (opened by its routing or by its victim's opt-in), or failing
     * that a case an opt-in opened under its victim case's id (as opt-ins naming their referral did before).
     */
    public Optional<RjCase> byReferral(String referralId) {
        Optional<RjCase> opened = find(RjCase.idFor(RjCase.REFERRAL, referralId));
        if (opened.isPresent()) {
            return opened;
        }
        Document first = mongo.getCollection(cases.collection())
                .find(new Document("referralId", referralId)).projection(new Document("_id", 1)).first();
        return first == null ? Optional.empty() : find(first.getString("_id"));
    }

    /** Of {@code pseudonyms}, those who took part in a restorative intervention as the offender. */
    public Set<String> offendersWhoTookPart(Collection<String> pseudonyms) {
        if (pseudonyms.isEmpty()) {
            return Set.of();
        }
        Query query = Query.query(Criteria.where("participants.pseudonym").in(pseudonyms).and("conference.heldOn").ne(null));
        List<RjCase> held = mongo.find(query, RjCase.class, cases.collection());
        return pseudonyms.stream().filter(p -> held.stream().anyMatch(c -> c.offenderTookPart(p))).collect(Collectors.toSet());
    }
}
