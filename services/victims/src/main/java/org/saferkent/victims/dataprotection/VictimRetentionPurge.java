package org.saferkent.victims.dataprotection;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.saferkent.platform.dataprotection.RetentionWatermarks;
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
 *
 * <p>Each run reads only what crossed the cutoff since the last (issue 15: the cases kept for the
 * statistics grow every year, the purge's work must not): the cases closed ({@code closure.closedAt})
 * between the purge's watermark ({@link RetentionWatermarks}, {@value #WATERMARK}) and the cutoff, on the
 * {@code status, closure.closedAt} index. Their subjects are the candidates; a subject with another case
 * open, or closed after the cutoff, keeps its details and comes back as a candidate in the run whose window
 * that case's closing enters. A closed case never reopens ({@code VictimCase} refuses every change to a
 * closed case), so {@code closedAt} is set once. The watermark moves to the cutoff after the window's
 * subjects are handled: a run that dies part way is done again whole by the next (destroying keys twice is
 * harmless, a subject without a live key is skipped). The first run, with no watermark, examines every case
 * closed before the cutoff, once; so does any run after the watermark's document is deleted.
 */
public class VictimRetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(VictimRetentionPurge.class);
    private static final ZoneId KENT = ZoneId.of("Europe/London");
    private static final String CLOSED = VictimCaseStatus.CLOSED.name();

    /** The purge's watermark in {@link RetentionWatermarks}. */
    public static final String WATERMARK = "victims-retention";

    private final MongoTemplate mongo;
    private final String cases;
    private final SubjectKeys keys;
    private final RetentionWatermarks watermarks;
    private final Period afterClosure;
    private final Clock clock;

    public VictimRetentionPurge(MongoTemplate mongo, String cases, SubjectKeys keys, RetentionWatermarks watermarks,
            Period afterClosure, Clock clock) {
        this.mongo = mongo;
        this.cases = cases;
        this.keys = keys;
        this.watermarks = watermarks;
        this.afterClosure = afterClosure;
        this.clock = clock;
        IndexOperations indexes = mongo.indexOps(cases);
        indexes.createIndex(new Index().on("profile.subjectPseudonym", Sort.Direction.ASC)); // a subject's cases
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("closure.closedAt", Sort.Direction.ASC)); // each run's window
    }

    /** @return subjects shredded by this run */
    public int purge() {
        Instant now = clock.instant();
        Instant cutoff = now.atZone(KENT).minus(afterClosure).toInstant();
        Optional<Instant> from = watermarks.upTo(WATERMARK);
        if (from.isPresent() && !from.get().isBefore(cutoff)) {
            return 0; // nothing crossed the cutoff since the last run (or the period was lengthened)
        }
        Criteria window = Criteria.where("status").is(CLOSED).and("closure.closedAt").lt(cutoff);
        if (from.isPresent()) {
            window = window.gte(from.get());
        }
        Query closedInWindow = Query.query(window);
        closedInWindow.fields().include("profile.subjectPseudonym");
        Set<String> candidates = new LinkedHashSet<>();
        mongo.find(closedInWindow, Document.class, cases).forEach(doc -> {
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
        watermarks.advance(WATERMARK, cutoff);
        if (purged > 0) {
            log.info("Retention: victims' personal details of {} subject(s) shredded, closed more than {} ago", purged, afterClosure);
        }
        return purged;
    }
}
