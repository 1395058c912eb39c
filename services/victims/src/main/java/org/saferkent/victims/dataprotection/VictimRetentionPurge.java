package org.saferkent.victims.dataprotection;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.saferkent.platform.dataprotection.SubjectKeys;
import org.saferkent.victims.victimcase.domain.VictimCaseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Victims' retention policy: a subject's personal details are shredded (their data keys destroyed) once
 * every one of their cases has been closed for longer than the period. The cases stay, anonymous.
 */
public class VictimRetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(VictimRetentionPurge.class);
    private static final ZoneId KENT = ZoneId.of("Europe/London");
    private static final String CLOSED = VictimCaseStatus.CLOSED.name();

    private final MongoTemplate mongo;
    private final String cases;
    private final SubjectKeys keys;
    private final Period afterClosure;
    private final Clock clock;

    public VictimRetentionPurge(MongoTemplate mongo, String cases, SubjectKeys keys, Period afterClosure, Clock clock) {
        this.mongo = mongo;
        this.cases = cases;
        this.keys = keys;
        this.afterClosure = afterClosure;
        this.clock = clock;
        IndexOperations indexes = mongo.indexOps(cases);
        indexes.createIndex(new Index().on("profile.subjectPseudonym", Sort.Direction.ASC)); // a subject's cases
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("closure.closedAt", Sort.Direction.ASC)); // closed before
    }

    /** @return subjects shredded by this run */
    public int purge() {
        Instant now = clock.instant();
        Instant cutoff = now.atZone(KENT).minus(afterClosure).toInstant();
        Query closedLongAgo = Query.query(Criteria.where("status").is(CLOSED).and("closure.closedAt").lt(cutoff));
        closedLongAgo.fields().include("profile.subjectPseudonym");
        Set<String> candidates = new LinkedHashSet<>();
        mongo.find(closedLongAgo, Document.class, cases).forEach(doc -> {
            Document profile = doc.get("profile", Document.class);
            if (profile != null && profile.getString("subjectPseudonym") != null) {
                candidates.add(profile.getString("subjectPseudonym"));
            }
        });
        int purged = 0;
        for (String pseudonym : candidates) {
            if (!keys.hasLiveKey(pseudonym)) {
                continue; // nothing left to shred
            }
            boolean anyOpenOrRecent = mongo.exists(Query.query(Criteria.where("profile.subjectPseudonym").is(pseudonym)
                    .orOperator(Criteria.where("status").ne(CLOSED), Criteria.where("closure.closedAt").gte(cutoff))), cases);
            if (!anyOpenOrRecent) {
                keys.destroy(List.of(pseudonym), now);
                purged++;
            }
        }
        if (purged > 0) {
            log.info("Retention: victims' personal details of {} subject(s) shredded, closed more than {} ago", purged, afterClosure);
        }
        return purged;
    }
}
