package org.saferkent.referrals.dataprotection;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.saferkent.platform.dataprotection.RetentionWatermarks;
import org.saferkent.platform.dataprotection.SubjectKeys;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex;
import org.saferkent.referrals.referral.domain.Referral;
import org.saferkent.referrals.referral.domain.ReferralStatus;
import org.saferkent.referrals.referral.domain.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

/**
 * The retention policy: a subject's personal details are shredded (their data keys destroyed) once every
 * one of their referrals has been settled ({@link Referral#settled()}: closed, declined, linked to another,
 * or routed to no pathway) for longer than the retention period, e.g. six years. The referrals stay,
 * anonymous, for the statistics. Nothing is published: each service applies its own retention to its own copy.
 *
 * <p>Each run reads only what crossed the cutoff since the last (issue 15: the referrals kept for the
 * statistics grow every year, the purge's work must not): the referrals whose stored {@code settledAt}
 * (written by the change that settled them, {@link Referral}) lies between the purge's watermark
 * ({@link RetentionWatermarks}, {@value #WATERMARK}) and the cutoff, on the {@code settledAt} index. Their
 * subjects are the candidates; a subject with any referral not settled, or settled after the cutoff, keeps
 * its details, and comes back as a candidate in the run whose window that later referral's
 * {@code settledAt} enters. The watermark moves to the cutoff after the window's subjects are handled: a
 * run that dies part way is done again whole by the next (destroying keys twice is harmless, a subject
 * without a live key is skipped).
 *
 * <p>Referrals stored before {@code settledAt} was: the first run, which finds no watermark, stores
 * {@code settledAt} on every settled referral lacking one, as the purge used to compute it (the time of
 * the referral's last timeline entry), then examines everything settled before the cutoff, once. So does
 * any run after the watermark's document is deleted. Every instance writing referrals must run this
 * version by then, since an older one settles referrals without {@code settledAt}.
 */
public class RetentionPurge {

    /** The purge's watermark in {@link RetentionWatermarks}. */
    public static final String WATERMARK = "referrals-retention";

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final ZoneId KENT = ZoneId.of("Europe/London");
    private static final String SETTLED_AT = "settledAt";
    private static final List<String> SETTLED = List.of(ReferralStatus.CLOSED.name(), ReferralStatus.DECLINED.name(),
            ReferralStatus.LINKED.name());
    private static final int BACKFILL_BATCH = 500;

    private final MongoTemplate mongo;
    private final String referrals;
    private final SubjectIndex index;
    private final SubjectKeys keys;
    private final RetentionWatermarks watermarks;
    private final Period afterClosure;
    private final Clock clock;

    public RetentionPurge(MongoTemplate mongo, String referrals, SubjectIndex index, SubjectKeys keys,
            RetentionWatermarks watermarks, Period afterClosure, Clock clock) {
        this.mongo = mongo;
        this.referrals = referrals;
        this.index = index;
        this.keys = keys;
        this.watermarks = watermarks;
        this.afterClosure = afterClosure;
        this.clock = clock;
        mongo.getCollection(referrals).createIndex(Indexes.ascending("subject.pseudonym")); // a subject's referrals
        // the window of each run: sparse, as a referral not settled has no settledAt
        mongo.getCollection(referrals).createIndex(Indexes.ascending(SETTLED_AT), new IndexOptions().sparse(true));
        mongo.getCollection(referrals).createIndex(Indexes.ascending("status", "receivedAt")); // the first run's backfill, by status
    }

    /** @return subjects shredded by this run */
    public int purge() {
        Instant now = clock.instant();
        Instant cutoff = now.atZone(KENT).minus(afterClosure).toInstant();
        Optional<Instant> from = watermarks.upTo(WATERMARK);
        if (from.isEmpty()) {
            int backfilled = backfillSettledAt();
            if (backfilled > 0) {
                log.info("Retention: settledAt stored on {} referral(s) settled before it was recorded", backfilled);
            }
        } else if (!from.get().isBefore(cutoff)) {
            return 0; // nothing crossed the cutoff since the last run (or the period was lengthened)
        }
        Criteria window = Criteria.where(SETTLED_AT).lt(cutoff);
        if (from.isPresent()) {
            window = window.gte(from.get());
        }
        Query settledInWindow = Query.query(window);
        settledInWindow.fields().include("subject.pseudonym");
        Set<String> candidates = new LinkedHashSet<>();
        mongo.find(settledInWindow, Document.class, referrals).forEach(doc -> {
            Document subject = doc.get("subject", Document.class);
            if (subject != null && subject.getString("pseudonym") != null) {
                candidates.add(subject.getString("pseudonym"));
            }
        });
        int purged = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (String candidate : candidates) {
            if (seen.contains(candidate)) {
                continue;
            }
            Set<String> pseudonyms = index.allPseudonymsOf(List.of(candidate));
            seen.addAll(pseudonyms);
            if (pseudonyms.stream().noneMatch(keys::hasLiveKey)) {
                continue; // nothing left to shred
            }
            Query unsettledOrRecent = Query.query(Criteria.where("subject.pseudonym").in(pseudonyms)
                    .orOperator(Criteria.where(SETTLED_AT).exists(false), Criteria.where(SETTLED_AT).gte(cutoff)));
            if (!mongo.exists(unsettledOrRecent, referrals)) {
                keys.destroy(pseudonyms, now);
                purged++;
            }
        }
        watermarks.advance(WATERMARK, cutoff);
        if (purged > 0) {
            log.info("Retention: personal details of {} subject(s) shredded, settled more than {} ago", purged, afterClosure);
        }
        return purged;
    }

    /**
     * Stores {@code settledAt} on the settled referrals written before it was recorded, as this purge used to
     * compute it; a referral changed meanwhile (its version moved on) has had it written by that change.
     *
     * @return referrals given their settledAt
     */
    private int backfillSettledAt() {
        // routed: those routed to no pathway are settled (checked below); the rest, awaiting an answer, are few
        List<String> maybeSettled = new ArrayList<>(SETTLED);
        maybeSettled.add(ReferralStatus.ROUTED.name());
        Query settledWithout = Query.query(Criteria.where("status").in(maybeSettled).and(SETTLED_AT).exists(false));
        List<WriteModel<Document>> batch = new ArrayList<>();
        int[] written = {0};
        mongo.getCollection(referrals).find(settledWithout.getQueryObject()).forEach(doc -> {
            Referral referral = mongo.getConverter().read(Referral.class, doc);
            Optional<Instant> settledAt = legacySettledAt(referral);
            if (settledAt.isEmpty()) {
                return;
            }
            batch.add(new UpdateOneModel<>(new Document("_id", doc.get("_id")).append("version", doc.get("version")),
                    new Document("$set", new Document(SETTLED_AT, Date.from(settledAt.get())))));
            if (batch.size() == BACKFILL_BATCH) {
                written[0] += (int) mongo.getCollection(referrals).bulkWrite(batch).getModifiedCount();
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            written[0] += (int) mongo.getCollection(referrals).bulkWrite(batch).getModifiedCount();
        }
        return written[0];
    }

    /** When a referral stored before settledAt was recorded settled: its timeline's last entry. */
    private static Optional<Instant> legacySettledAt(Referral referral) {
        if (!referral.settled()) {
            return Optional.empty();
        }
        return referral.timeline().stream().map(TimelineEntry::at).max(Comparator.naturalOrder()).or(() -> Optional.of(referral.receivedAt()));
    }
}
