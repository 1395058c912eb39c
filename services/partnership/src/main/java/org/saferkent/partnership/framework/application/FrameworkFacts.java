package org.saferkent.partnership.framework.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.saferkent.partnership.framework.domain.Measure;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.saferkent.platform.messaging.IdempotentWrites.Change;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The performance framework's facts, one document per counted thing ({@code <measure>:<case or referral id>}), each
 * with its district, year and whether it counts towards the measure ({@code hit}). Every inbound event is applied
 * once: its id is recorded by the same write that changes the fact (no transactions). A fact carries the Kent date of
 * the event's own date ({@code on}), its calendar year ({@code year}) and its financial year ({@code financialYear},
 * April to March, named by the year it starts); each year is indexed with the measure.
 *
 * <p>Facts stored before the financial year was kept have no {@code financialYear} and no {@code on}:
 * {@link #backfillFinancialYears()} runs once at start-up (a marker in {@value #MIGRATIONS}) and places what can be
 * placed (see there).
 */
public class FrameworkFacts {

    public static final String FACTS = "framework_facts";
    static final String SUBJECTS = "framework_da_subjects";
    static final String MIGRATIONS = "framework_migrations";
    private static final String FINANCIAL_YEAR_BACKFILL = "facts-financial-year";
    private static final Logger LOG = LoggerFactory.getLogger(FrameworkFacts.class);
    /** Repeat domestic abuse: a victim's referral within this long of an earlier one. */
    public static final Duration REPEAT_WINDOW = Duration.ofDays(365);
    private static final int REFERRALS_KEPT = 50;
    /** A fact's fields, as classified: a repeat referral's fact is written only when one of them changes. */
    private static final List<String> CLASSIFIED = List.of("measure", "district", "year", "financialYear", "on", "hit");

    private final IdempotentWrites writes;
    private final MongoTemplate mongo;

    public FrameworkFacts(IdempotentWrites writes, MongoTemplate mongo) {
        this.writes = writes;
        this.mongo = mongo;
        // every count: an equality on measure and year, then district and hit
        mongo.indexOps(FACTS).createIndex(new Index().on("measure", Sort.Direction.ASC).on("year", Sort.Direction.ASC)
                .on("district", Sort.Direction.ASC).on("hit", Sort.Direction.ASC));
        // the same per financial year
        mongo.indexOps(FACTS).createIndex(new Index().on("measure", Sort.Direction.ASC).on("financialYear", Sort.Direction.ASC)
                .on("district", Sort.Direction.ASC).on("hit", Sort.Direction.ASC));
    }

    /** A domestic abuse victim's referral routed, staged for {@link #referralsRouted}: its subject only as a hash. */
    public record SubjectReferral(String eventId, String subject, String referralId, String district, Instant receivedAt) {
    }

    /**
     * A victim's first contact made, within the Victims' Code time limit or not, staged for {@link #applyFacts}; null
     * for other contacts (they do not count).
     */
    public Change victimContacted(String eventId, String caseId, String district, Boolean firstContact, Boolean withinTimeLimit,
            Instant attemptedAt) {
        if (!Boolean.TRUE.equals(firstContact) || caseId == null || attemptedAt == null || !known(district)) {
            return null;
        }
        return fact(eventId, Measure.VICTIMS_CONTACTED_WITHIN_CODE, caseId, district, attemptedAt, Boolean.TRUE.equals(withinTimeLimit));
    }

    /** An RJ case closed, completed or not, staged for {@link #applyFacts}; null for one that cannot be placed. */
    public Change rjCaseClosed(String eventId, String caseId, String district, String reason, Instant closedAt) {
        if (caseId == null || closedAt == null || !known(district)) {
            return null;
        }
        return fact(eventId, Measure.RJ_COMPLETION, caseId, district, closedAt, "completed".equals(reason));
    }

    /**
     * A victim's view of an RJ intervention, satisfied (4 or 5 of 5) or not, staged for {@link #applyFacts}; null when
     * the victim gave none (they are not counted).
     */
    public Change rjOutcomeRecorded(String eventId, String caseId, String district, Boolean victimSatisfied, Instant recordedAt) {
        if (victimSatisfied == null || caseId == null || recordedAt == null || !known(district)) {
            return null;
        }
        return fact(eventId, Measure.RJ_SATISFACTION, caseId, district, recordedAt, victimSatisfied);
    }

    /**
     * A first-time entrant (10-17, first youth caution or court sentence), counted by the disposal's date and district,
     * staged for {@link #applyFacts}: nothing of the young person is kept. When an earlier disposal reported late takes
     * the entry, {@code supersededDisposalId}'s fact stops counting. The event is keyed by person, so a person's events
     * arrive in order; within one unordered bulk write the superseded fact may be written before or after its own
     * event: its own event sets {@code hit} only when it creates the fact, so a fact superseded stays uncounted.
     */
    public List<Change> firstTimeEntrantRecorded(String eventId, String disposalId, String district, LocalDate disposalDate,
            String supersededDisposalId) {
        if (disposalId == null || disposalDate == null || !known(district)) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>(2);
        Update entry = new Update();
        classification(Measure.FIRST_TIME_ENTRANTS, district, disposalDate, true).forEach((field, value) -> {
            if ("hit".equals(field)) {
                entry.setOnInsert(field, value);
            } else {
                entry.set(field, value);
            }
        });
        changes.add(new Change(id(Measure.FIRST_TIME_ENTRANTS, disposalId), eventId, entry));
        if (supersededDisposalId != null && !supersededDisposalId.equals(disposalId)) {
            changes.add(new Change(id(Measure.FIRST_TIME_ENTRANTS, supersededDisposalId), eventId, new Update().set("hit", false)));
        }
        return changes;
    }

    /**
     * Once per store (a marker in {@value #MIGRATIONS}): gives the facts stored before the financial year was kept
     * their financial year where it can be known. Repeat domestic abuse facts are classified again from the subjects'
     * referrals, which hold each referral's date. Other facts stored before it kept only their calendar year, not their
     * date: they cannot be placed in a financial year (a calendar year spans two), stay without one and count only in
     * calendar-year views; their number is logged. Runs at start-up, alongside the consumers: both classify a subject
     * from its whole list, so either write is right.
     */
    public void backfillFinancialYears() {
        if (mongo.getCollection(MIGRATIONS).countDocuments(Filters.eq("_id", FINANCIAL_YEAR_BACKFILL)) > 0) {
            return;
        }
        int reclassified = 0;
        List<String> batch = new ArrayList<>();
        for (Document held : mongo.getCollection(SUBJECTS).find().projection(Projections.include("_id"))) {
            batch.add(held.getString("_id"));
            if (batch.size() == 500) {
                reclassified += reclassify(batch);
                batch.clear();
            }
        }
        reclassified += reclassify(batch);
        long unplaced = mongo.getCollection(FACTS).countDocuments(Filters.exists("financialYear", false));
        mongo.getCollection(MIGRATIONS).insertOne(new Document("_id", FINANCIAL_YEAR_BACKFILL).append("at", new java.util.Date())
                .append("reclassified", reclassified).append("unplaced", unplaced));
        LOG.info("framework facts given a financial year: {} repeat domestic abuse facts classified again; {} other facts "
                + "stored before without a date stay in calendar years only", reclassified, unplaced);
    }

    /** Applies a batch of staged facts as one bulk write, each event once (a batch delivered again changes nothing). */
    public void applyFacts(List<Change> facts) {
        writes.applyOnce(FACTS, facts);
    }

    /**
     * A domestic abuse referral of a victim, routed to a service, staged for {@link #referralsRouted}; null for any
     * other referral (or one that cannot be placed).
     */
    public SubjectReferral referralRouted(String eventId, String referralId, String district, String category,
            String subjectRole, String subjectPseudonym, Instant receivedAt) {
        if (!"domestic-abuse".equals(category) || !"victim".equals(subjectRole) || referralId == null
                || subjectPseudonym == null || receivedAt == null || !known(district)) {
            return null;
        }
        return new SubjectReferral(eventId, sha256(subjectPseudonym), referralId, district, receivedAt);
    }

    /**
     * A batch of domestic abuse victims' referrals routed: each a repeat when the same subject (by keyed pseudonym, kept
     * here only as a hash) had one routed within the twelve months before. The subjects' referrals are recorded once
     * each (by event id; a referral routed again counts at its first routing), in one bulk write; then every referral
     * of those subjects is classified again from its subject's whole list, so events arriving out of order end right.
     * Only the facts that are new or differ from the stored ones are written, in one bulk write: a batch delivered
     * again writes no fact. Four store commands for the batch however many referrals and subjects (a write, two reads by
     * {@code _id}, a write), more only when a new subject's document meets a duplicate key ({@link IdempotentWrites}).
     */
    public void referralsRouted(List<SubjectReferral> routed) {
        if (routed.isEmpty()) {
            return;
        }
        List<Change> recorded = new ArrayList<>(routed.size());
        Set<String> subjects = new LinkedHashSet<>();
        for (SubjectReferral referral : routed) {
            subjects.add(referral.subject());
            recorded.add(new Change(referral.subject(), referral.eventId(), new Update().push("referrals").slice(-REFERRALS_KEPT)
                    .each(new Document("referralId", referral.referralId()).append("district", referral.district())
                            .append("receivedAt", referral.receivedAt()))));
        }
        writes.applyOnce(SUBJECTS, recorded);

        reclassify(subjects);
    }

    /** Classifies every referral of {@code subjects} again; writes the facts that are new or differ. */
    private int reclassify(java.util.Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return 0;
        }
        Map<String, Document> classified = new LinkedHashMap<>();
        for (Document held : mongo.getCollection(SUBJECTS).find(Filters.in("_id", subjects))
                .projection(Projections.include("referrals"))) {
            classify(held.getList("referrals", Document.class, List.of()), classified);
        }
        if (classified.isEmpty()) {
            return 0;
        }
        Map<String, Document> stored = new HashMap<>();
        for (Document fact : mongo.getCollection(FACTS).find(Filters.in("_id", classified.keySet()))
                .projection(Projections.include(CLASSIFIED))) {
            stored.put(fact.getString("_id"), fact);
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FACTS);
        int changed = 0;
        for (Map.Entry<String, Document> fact : classified.entrySet()) {
            Document held = stored.get(fact.getKey());
            if (held != null && CLASSIFIED.stream().allMatch(field -> Objects.equals(held.get(field), fact.getValue().get(field)))) {
                continue;
            }
            Update update = new Update();
            fact.getValue().forEach(update::set);
            bulk.upsert(Query.query(Criteria.where("_id").is(fact.getKey())), update);
            changed++;
        }
        if (changed > 0) {
            bulk.execute();
        }
        return changed;
    }

    /** One subject's referrals, each a repeat or not (by its fact's id): earliest routing per referral, in time order. */
    private static void classify(List<Document> held, Map<String, Document> classified) {
        List<Document> referrals = new ArrayList<>(held);
        referrals.sort(Comparator.comparing(d -> d.getDate("receivedAt")));
        Set<String> seen = new HashSet<>();
        referrals.removeIf(d -> !seen.add(d.getString("referralId")));
        for (int i = 0; i < referrals.size(); i++) {
            Instant at = referrals.get(i).getDate("receivedAt").toInstant();
            boolean repeat = false;
            for (int j = 0; j < i; j++) {
                Instant earlier = referrals.get(j).getDate("receivedAt").toInstant();
                if (earlier.isBefore(at) && !earlier.isBefore(at.minus(REPEAT_WINDOW))) {
                    repeat = true;
                }
            }
            Document r = referrals.get(i);
            classified.put(id(Measure.REPEAT_DOMESTIC_ABUSE_REFERRALS, r.getString("referralId")),
                    classification(Measure.REPEAT_DOMESTIC_ABUSE_REFERRALS, r.getString("district"), KentDate.of(at), repeat));
        }
    }

    private static Change fact(String eventId, Measure measure, String subjectId, String district, Instant at, boolean hit) {
        return new Change(id(measure, subjectId), eventId, fields(measure, district, at, hit));
    }

    /** A fact's fields: its Kent date as text (yyyy-mm-dd), calendar year and financial year. */
    private static Document classification(Measure measure, String district, LocalDate on, boolean hit) {
        return new Document("measure", measure.code()).append("district", district).append("year", on.getYear())
                .append("financialYear", KentDate.financialYear(on)).append("on", on.toString()).append("hit", hit);
    }

    private static Update fields(Measure measure, String district, Instant at, boolean hit) {
        Update update = new Update();
        classification(measure, district, KentDate.of(at), hit).forEach(update::set);
        return update;
    }

    private static String id(Measure measure, String subjectId) {
        return measure.code() + ":" + subjectId;
    }

    private static boolean known(String district) {
        return district != null && District.fromCode(district).isPresent();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
