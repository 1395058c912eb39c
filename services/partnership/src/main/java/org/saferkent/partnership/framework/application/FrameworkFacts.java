package org.saferkent.partnership.framework.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.bson.Document;
import org.saferkent.partnership.framework.domain.Measure;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The performance framework's facts, one document per counted thing ({@code <measure>:<case or referral id>}), each
 * with its district, year and whether it counts towards the measure ({@code hit}). Every inbound event is applied
 * once: its id is recorded by the same write that changes the fact (no transactions). A fact's year is the Kent
 * calendar year of the event's own date.
 */
public class FrameworkFacts {

    public static final String FACTS = "framework_facts";
    static final String SUBJECTS = "framework_da_subjects";
    /** Repeat domestic abuse: a victim's referral within this long of an earlier one. */
    public static final Duration REPEAT_WINDOW = Duration.ofDays(365);
    private static final int REFERRALS_KEPT = 50;

    private final IdempotentWrites writes;
    private final MongoTemplate mongo;

    public FrameworkFacts(IdempotentWrites writes, MongoTemplate mongo) {
        this.writes = writes;
        this.mongo = mongo;
        // every count: an equality on measure and year, then district and hit
        mongo.indexOps(FACTS).createIndex(new Index().on("measure", Sort.Direction.ASC).on("year", Sort.Direction.ASC)
                .on("district", Sort.Direction.ASC).on("hit", Sort.Direction.ASC));
    }

    /** A victim's first contact made: within the Victims' Code time limit or not. Other contacts do not count. */
    public void victimContacted(String eventId, String caseId, String district, Boolean firstContact, Boolean withinTimeLimit,
            Instant attemptedAt) {
        if (!Boolean.TRUE.equals(firstContact) || caseId == null || attemptedAt == null || !known(district)) {
            return;
        }
        fact(eventId, Measure.VICTIMS_CONTACTED_WITHIN_CODE, caseId, district, attemptedAt, Boolean.TRUE.equals(withinTimeLimit));
    }

    /** An RJ case closed: completed or not. */
    public void rjCaseClosed(String eventId, String caseId, String district, String reason, Instant closedAt) {
        if (caseId == null || closedAt == null || !known(district)) {
            return;
        }
        fact(eventId, Measure.RJ_COMPLETION, caseId, district, closedAt, "completed".equals(reason));
    }

    /**
     * A domestic abuse referral of a victim, routed to a service: a repeat when the same subject (by keyed pseudonym,
     * kept here only as a hash) had one routed within the twelve months before. The subject's referrals are recorded
     * once each (by event id; a referral routed again counts at its first routing); then every one of them is
     * classified again from the whole list, so events arriving out of order end right.
     */
    public void referralRouted(String eventId, String referralId, String district, String category, String subjectRole,
            String subjectPseudonym, Instant receivedAt) {
        if (!"domestic-abuse".equals(category) || !"victim".equals(subjectRole) || referralId == null
                || subjectPseudonym == null || receivedAt == null || !known(district)) {
            return;
        }
        String subject = sha256(subjectPseudonym);
        writes.applyOnce(SUBJECTS, subject, eventId, new Update().push("referrals").slice(-REFERRALS_KEPT)
                .each(new Document("referralId", referralId).append("district", district).append("receivedAt", receivedAt)));
        Document held = mongo.getCollection(SUBJECTS).find(new Document("_id", subject)).first();
        List<Document> referrals = new ArrayList<>(held.getList("referrals", Document.class));
        referrals.sort(Comparator.comparing(d -> d.getDate("receivedAt")));
        java.util.Set<String> seen = new java.util.HashSet<>();
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
            mongo.upsert(Query.query(Criteria.where("_id").is(id(Measure.REPEAT_DOMESTIC_ABUSE_REFERRALS, r.getString("referralId")))),
                    fields(Measure.REPEAT_DOMESTIC_ABUSE_REFERRALS, r.getString("district"), at, repeat), FACTS);
        }
    }

    private void fact(String eventId, Measure measure, String subjectId, String district, Instant at, boolean hit) {
        writes.applyOnce(FACTS, id(measure, subjectId), eventId, fields(measure, district, at, hit));
    }

    private static Update fields(Measure measure, String district, Instant at, boolean hit) {
        return new Update().set("measure", measure.code()).set("district", district).set("year", KentDate.of(at).getYear())
                .set("hit", hit);
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
