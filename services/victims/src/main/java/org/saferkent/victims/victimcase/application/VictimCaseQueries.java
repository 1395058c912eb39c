package org.saferkent.victims.victimcase.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.victims.victimcase.domain.VictimCase;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Case workers' reads: one case, the case of a referral, and the filtered, paged list.
 *
 * <p>Each read is served by an index declared here (creating one fails the start, never silently): the
 * list's filters are equalities on status, district and enhanced and a range on {@code nextDueAt}, so
 * every non-empty combination finds an index whose first keys it fixes, the range last. The list
 * without any filter reads {@code openedAt} in order on MongoDB; the embedded store reads it whole.
 */
public class VictimCaseQueries {

    /** What to list; null fields do not filter. {@code dueBefore}: a time limit still open falls due before it. */
    public record Filter(String status, String district, Boolean enhanced, Instant dueBefore) {
    }

    public record Page(List<VictimCase> items, int page, int size, long total) {
    }

    private final MongoTemplate mongo;
    private final AggregateStore<VictimCase> cases;

    public VictimCaseQueries(MongoTemplate mongo, AggregateStore<VictimCase> cases) {
        this.mongo = mongo;
        this.cases = cases;
        IndexOperations indexes = mongo.indexOps(cases.collection());
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("district", Sort.Direction.ASC)
                .on("enhanced", Sort.Direction.ASC).on("openedAt", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("district", Sort.Direction.ASC).on("nextDueAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("enhanced", Sort.Direction.ASC).on("nextDueAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("openedAt", Sort.Direction.DESC).on("_id", Sort.Direction.ASC)); // the unfiltered list
        indexes.createIndex(new Index().on("linkedReferrals", Sort.Direction.ASC)); // the case a duplicate joined
    }

    public Optional<Loaded<VictimCase>> find(String id) {
        return cases.find(id);
    }

    /** The case opened for the referral, or the case a duplicate referral joined. */
    public Optional<Loaded<VictimCase>> forReferral(String referralId) {
        Optional<Loaded<VictimCase>> opened = cases.find(VictimCase.idFor(referralId));
        if (opened.isPresent()) {
            return opened;
        }
        Query joined = Query.query(Criteria.where("linkedReferrals").is(referralId)).limit(1);
        joined.fields().include("_id");
        return Optional.ofNullable(mongo.findOne(joined, Document.class, cases.collection()))
                .flatMap(doc -> cases.find(doc.getString("_id")));
    }

    /** Newest first. */
    public Page list(Filter filter, int page, int size) {
        Criteria criteria = new Criteria();
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.district() != null) {
            criteria = criteria.and("district").is(filter.district());
        }
        if (filter.enhanced() != null) {
            criteria = criteria.and("enhanced").is(filter.enhanced());
        }
        if (filter.dueBefore() != null) {
            criteria = criteria.and("nextDueAt").lt(filter.dueBefore());
        }
        Query query = Query.query(criteria);
        // no filter: the collection's own count, as a count of every document would read them all
        long total = query.getQueryObject().isEmpty() ? mongo.estimatedCount(cases.collection())
                : mongo.count(query, cases.collection());
        query.with(Sort.by(Sort.Direction.DESC, "openedAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new Page(mongo.find(query, VictimCase.class, cases.collection()), page, size, total);
    }
}
