package org.saferkent.referrals.dataprotection;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
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

import com.mongodb.client.model.Indexes;

/**
 * The retention policy: a subject's personal details are shredded (their data keys destroyed) once every
 * one of their referrals has been settled (closed, declined, or linked to another) for longer than the
 * retention period, e.g. six years. The referrals stay, anonymous, for the statistics. Nothing is
 * published: each service applies its own retention to its own copy.
 */
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final ZoneId KENT = ZoneId.of("Europe/London");
    private static final List<String> SETTLED = List.of(ReferralStatus.CLOSED.name(), ReferralStatus.DECLINED.name(),
            ReferralStatus.LINKED.name());

    private final MongoTemplate mongo;
    private final String referrals;
    private final SubjectIndex index;
    private final SubjectKeys keys;
    private final Period afterClosure;
    private final Clock clock;

    public RetentionPurge(MongoTemplate mongo, String referrals, SubjectIndex index, SubjectKeys keys, Period afterClosure, Clock clock) {
        this.mongo = mongo;
        this.referrals = referrals;
        this.index = index;
        this.keys = keys;
        this.afterClosure = afterClosure;
        this.clock = clock;
        mongo.getCollection(referrals).createIndex(Indexes.ascending("subject.pseudonym")); // a subject's referrals
        mongo.getCollection(referrals).createIndex(Indexes.ascending("status", "receivedAt")); // settled long ago
    }

    /** @return subjects shredded by this run */
    public int purge() {
        Instant now = clock.instant();
        Instant cutoff = now.atZone(KENT).minus(afterClosure).toInstant();
        Query settledLongAgo = Query.query(Criteria.where("status").in(SETTLED).and("receivedAt").lt(cutoff));
        settledLongAgo.fields().include("subject.pseudonym");
        Set<String> candidates = new LinkedHashSet<>();
        mongo.find(settledLongAgo, Document.class, referrals).forEach(doc -> {
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
            List<Referral> all = mongo.find(Query.query(Criteria.where("subject.pseudonym").in(pseudonyms)), Referral.class, referrals);
            boolean expired = all.stream().allMatch(r -> settledAt(r).map(at -> at.isBefore(cutoff)).orElse(false));
            if (expired) {
                keys.destroy(pseudonyms, now);
                purged++;
            }
        }
        if (purged > 0) {
            log.info("Retention: personal details of {} subject(s) shredded, settled more than {} ago", purged, afterClosure);
        }
        return purged;
    }

    /** When the referral stopped needing its subject's details; empty while a case is still open. */
    private static Optional<Instant> settledAt(Referral referral) {
        boolean settled = SETTLED.contains(referral.status().name())
                || (referral.status() == ReferralStatus.ROUTED && referral.pathways().isEmpty());
        if (!settled) {
            return Optional.empty();
        }
        return referral.timeline().stream().map(TimelineEntry::at).max(Comparator.naturalOrder()).or(() -> Optional.of(referral.receivedAt()));
    }
}
