package org.saferkent.referrals.referral.application;

import java.time.Instant;
import java.util.List;

import org.saferkent.referrals.referral.domain.Referral;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.model.Indexes;

/** Agencies' reads of their referrals: filtered, newest first, paged. */
public class ReferralQueries {

    /** What to list. Null fields do not filter. */
    public record Filter(String agency, String status, String district, String category, Instant from, Instant to) {
    }

    public record Page(List<Referral> items, int page, int size, long total) {
    }

    private final MongoTemplate mongo;
    private final String collection;

    public ReferralQueries(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
        // an agency's list: always its own referrals, usually one district, newest first or a period
        mongo.getCollection(collection).createIndex(Indexes.ascending("agency", "district", "receivedAt"));
    }

    public Page list(Filter filter, int page, int size) {
        Criteria criteria = new Criteria();
        if (filter.agency() != null) {
            criteria = criteria.and("agency").is(filter.agency());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.district() != null) {
            criteria = criteria.and("district").is(filter.district());
        }
        if (filter.category() != null) {
            criteria = criteria.and("category").is(filter.category());
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria received = criteria.and("receivedAt");
            if (filter.from() != null) {
                received = received.gte(filter.from());
            }
            if (filter.to() != null) {
                received = received.lt(filter.to());
            }
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, collection);
        query.with(Sort.by(Sort.Direction.DESC, "receivedAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new Page(mongo.find(query, Referral.class, collection), page, size, total);
    }
}
