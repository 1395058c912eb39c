package org.saferkent.victims.victimcase.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.victims.victimcase.domain.Change;
import org.saferkent.victims.victimcase.domain.VictimCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Finds cases whose Victims' Code time limits passed unmet and records each miss once:
 * {@code VictimCodeDeadlineMissed} on the case's topic and {@code ops.SlaBreached} for operations, in
 * the same version-checked write. Safe with several instances: when two scanners race, the version
 * check lets one win and the other finds nothing left to do.
 */
public class VictimCodeDeadlines {

    private static final Logger log = LoggerFactory.getLogger(VictimCodeDeadlines.class);
    private static final int PAGE = 200;

    private final AggregateStore<VictimCase> cases;
    private final MongoTemplate mongo;
    private final String service;
    private final Clock clock;

    public VictimCodeDeadlines(AggregateStore<VictimCase> cases, MongoTemplate mongo, String service, Clock clock) {
        this.cases = cases;
        this.mongo = mongo;
        this.service = service;
        this.clock = clock;
        // the scan's index; sparse: a case whose time limits are all met or missed has no nextDueAt
        mongo.indexOps(cases.collection()).createIndex(new Index().on("nextDueAt", Sort.Direction.ASC).sparse());
    }

    /** @return the number of missed deadlines recorded */
    public int recordMissedDeadlines() {
        Instant now = clock.instant();
        int missed = 0;
        Query overdue = Query.query(Criteria.where("nextDueAt").lte(now)).limit(PAGE);
        overdue.fields().include("_id");
        List<String> ids;
        do {
            ids = mongo.find(overdue, Document.class, cases.collection()).stream().map(d -> d.getString("_id")).toList();
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
        Loaded<VictimCase> loaded = cases.find(id).orElse(null);
        if (loaded == null) {
            return 0;
        }
        Change change = loaded.state().breachOverdueDuties(now);
        if (!change.changed()) {
            return 0;
        }
        try {
            cases.update(id, loaded.version(), change.victimCase(), MissedDeadlines.withOpsEvents(service, change.events()));
            log.info("Victim case {} missed {} Victims' Code deadline(s)", id, change.events().size());
            return change.events().size();
        } catch (ConcurrentUpdateException e) {
            return 0; // another instance or a case worker changed it: the next scan decides again
        }
    }
}
