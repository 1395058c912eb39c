package org.saferkent.partnership.dhr.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.saferkent.partnership.dhr.domain.Change;
import org.saferkent.partnership.dhr.domain.DomesticHomicideReview;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Finds reviews whose time limits passed undone (the decision, the review, a recommendation's action) through the
 * sparse {@code nextDueAt} index, and records each miss once: {@code DhrDeadlineMissed} on the review's topic and
 * {@code ops.SlaBreached} on ops.events, in the same version-checked write. Safe with several instances: when two
 * scans race, the version check lets one win and the other finds nothing left to do.
 */
public class DhrDeadlines {

    private static final Logger log = LoggerFactory.getLogger(DhrDeadlines.class);
    private static final int PAGE = 200;

    private final AggregateStore<DomesticHomicideReview> reviews;
    private final MongoTemplate mongo;
    private final String service;
    private final Clock clock;

    public DhrDeadlines(AggregateStore<DomesticHomicideReview> reviews, MongoTemplate mongo, String service, Clock clock) {
        this.reviews = reviews;
        this.mongo = mongo;
        this.service = service;
        this.clock = clock;
        // sparse: a review with no time limit running has no nextDueAt
        mongo.indexOps(reviews.collection()).createIndex(new Index().on("nextDueAt", Sort.Direction.ASC).sparse());
    }

    /** @return the number of missed time limits recorded */
    public int recordMissedDeadlines() {
        Instant now = clock.instant();
        int missed = 0;
        Query overdue = Query.query(Criteria.where("nextDueAt").lte(now)).limit(PAGE);
        overdue.fields().include("_id");
        List<String> ids;
        do {
            ids = mongo.find(overdue, Document.class, reviews.collection()).stream().map(d -> d.getString("_id")).toList();
            int before = missed;
            for (String id : ids) {
                missed += recordMissed(id, now);
            }
            if (missed == before) {
                break; // nothing could be recorded this round (others got there first)
            }
        } while (ids.size() == PAGE);
        return missed;
    }

    private int recordMissed(String id, Instant now) {
        Loaded<DomesticHomicideReview> loaded = reviews.find(id).orElse(null);
        if (loaded == null) {
            return 0;
        }
        Change change = loaded.state().breachOverdue(now);
        if (!change.changed()) {
            return 0;
        }
        try {
            reviews.update(id, loaded.version(), change.review(), MissedDeadlines.withOpsEvents(service, change.events()));
            log.info("Domestic Homicide Review {} missed {} time limit(s)", id, change.events().size());
            return change.events().size();
        } catch (ConcurrentUpdateException e) {
            return 0; // changed meanwhile: the next scan decides again
        }
    }
}
