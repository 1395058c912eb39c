package org.saferkent.ops.deadletters;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The append-only record of what operators did ({@code ops_audit}): inserts only. */
public class AuditTrail {

    static final String COLLECTION = "ops_audit";

    private final MongoTemplate mongo;
    private final Clock clock;

    public AuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC)); // the latest actions
        mongo.indexOps(COLLECTION).createIndex(new Index().on("deadLetterId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
    }

    public AuditEntry record(String operator, String action, String deadLetterId, String outcome, String detail, String note) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), clock.instant(), operator, action, deadLetterId,
                outcome, detail, note);
        mongo.insert(entry, COLLECTION);
        return entry;
    }

    public List<AuditEntry> latest(int limit, String deadLetterId) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "at")).limit(limit);
        if (deadLetterId != null && !deadLetterId.isBlank()) {
            query.addCriteria(Criteria.where("deadLetterId").is(deadLetterId));
        }
        return mongo.find(query, AuditEntry.class, COLLECTION);
    }
}
