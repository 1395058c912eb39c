package org.saferkent.victims.victimcase.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.victims.victimcase.domain.VictimCase;
import org.saferkent.victims.victimcase.domain.VictimCaseStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

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

    /** The list's order: newest first, or (open cases only) the caseworker's queue, see {@link #queue}. */
    public enum Order {
        NEWEST, NEXT_DEADLINE
    }

    private static final int BACKFILL_PAGE = 200;

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
        // the caseworker's queue: open cases in the order of their outstanding Victims' Code deadline
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("outstandingDueAt", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC));
    }

    /**
     * Stores the queue's order key ({@code outstandingDueAt}) on open cases stored before it was kept, so that the
     * queue lists them by their deadline; a case's next write stores it anyway. Derived from the case itself and
     * set only on the version read (a case changed meanwhile stored its own). Reads open cases without one in
     * pages by id, from the queue's index; returns how many it set.
     */
    public int storeQueueOrder() {
        int set = 0;
        String after = "";
        List<Document> page;
        do {
            Query open = Query.query(new Criteria().andOperator(Criteria.where("status").is(VictimCaseStatus.OPEN.name()),
                    Criteria.where("outstandingDueAt").is(null), Criteria.where("_id").gt(after)))
                    .with(Sort.by("_id")).limit(BACKFILL_PAGE);
            page = mongo.find(open, Document.class, cases.collection());
            for (Document doc : page) {
                after = doc.getString("_id");
                Instant due = mongo.getConverter().read(VictimCase.class, doc).outstandingDueAt();
                if (due != null && mongo.updateFirst(Query.query(Criteria.where("_id").is(after).and("version")
                        .is(doc.get("version")).and("outstandingDueAt").is(null)), Update.update("outstandingDueAt", due),
                        cases.collection()).getModifiedCount() > 0) {
                    set++;
                }
            }
        } while (page.size() == BACKFILL_PAGE);
        return set;
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
        return list(filter, Order.NEWEST, page, size);
    }

    /** In {@code order}; {@link Order#NEXT_DEADLINE} lists open cases only, whatever the filter's status. */
    public Page list(Filter filter, Order order, int page, int size) {
        if (order == Order.NEXT_DEADLINE) {
            return queue(criteria(new Filter(VictimCaseStatus.OPEN.name(), filter.district(), filter.enhanced(),
                    filter.dueBefore())), page, size);
        }
        Query query = Query.query(criteria(filter));
        // no filter: the collection's own count, as a count of every document would read them all
        long total = query.getQueryObject().isEmpty() ? mongo.estimatedCount(cases.collection())
                : mongo.count(query, cases.collection());
        query.with(Sort.by(Sort.Direction.DESC, "openedAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new Page(mongo.find(query, VictimCase.class, cases.collection()), page, size, total);
    }

    /**
     * The caseworker's queue: open cases by their outstanding deadline, the earliest (so the overdue) first,
     * then the open cases with no deadline left to act on. Two reads of the {@code status, outstandingDueAt}
     * index, each a page at most: MongoDB puts a missing key first in ascending order, the queue puts it last.
     */
    private Page queue(Criteria open, int page, int size) {
        Query withDeadline = Query.query(new Criteria().andOperator(open, Criteria.where("outstandingDueAt").ne(null)));
        Query withoutDeadline = Query.query(new Criteria().andOperator(open, Criteria.where("outstandingDueAt").is(null)));
        long dated = mongo.count(withDeadline, cases.collection());
        long undated = mongo.count(withoutDeadline, cases.collection());
        long skip = (long) page * size;
        List<VictimCase> items = new ArrayList<>();
        if (skip < dated) {
            withDeadline.with(Sort.by("outstandingDueAt").and(Sort.by("_id"))).skip(skip).limit(size);
            items.addAll(mongo.find(withDeadline, VictimCase.class, cases.collection()));
        }
        if (items.size() < size && skip + items.size() < dated + undated) {
            withoutDeadline.with(Sort.by("_id")).skip(Math.max(0, skip - dated)).limit(size - items.size());
            items.addAll(mongo.find(withoutDeadline, VictimCase.class, cases.collection()));
        }
        return new Page(items, page, size, dated + undated);
    }

    private static Criteria criteria(Filter filter) {
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
        return criteria;
    }
}
