package org.saferkent.commissioning.activity.application;

import java.util.List;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What the partnership did, per district and pathway, derived from the one fact document per
 * referral × pathway (routed, case opened, case closed), so a referral is never counted twice.
 */
public class PartnershipActivity {

    private final MongoTemplate mongo;
    private final ProjectionVersions versions;

    public PartnershipActivity(MongoTemplate mongo, ProjectionVersions versions) {
        this.mongo = mongo;
        this.versions = versions;
    }

    /** Every district's counts. */
    public List<ActivityCount> counts() {
        return counts(null);
    }

    /**
     * One district's counts (or every district's, for null): the district's facts only, through the facts'
     * (district, quarters) index, so one district's answer does not read the whole county's history.
     */
    public List<ActivityCount> counts(String district) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(district == null ? new Criteria() : Criteria.where("district").is(district)),
                Aggregation.group("district", "pathway")
                        .sum(ConditionalOperators.when(Criteria.where("routed").is(true)).then(1).otherwise(0))
                        .as("referralsRouted")
                        .sum(ConditionalOperators.when(Criteria.where("caseOpened").is(true)).then(1).otherwise(0))
                        .as("casesOpened")
                        .sum(ConditionalOperators.when(Criteria.where("closed").is(true)).then(1).otherwise(0))
                        .as("casesClosed"),
                Aggregation.sort(Sort.by("_id.district", "_id.pathway")));
        String collection = FactKind.REFERRAL.collection(versions.current());
        return mongo.aggregate(aggregation, collection, Document.class).getMappedResults().stream()
                .map(doc -> {
                    Document id = doc.get("_id", Document.class);
                    return new ActivityCount(id.getString("district"), id.getString("pathway"),
                            ((Number) doc.get("referralsRouted")).longValue(), ((Number) doc.get("casesOpened")).longValue(),
                            ((Number) doc.get("casesClosed")).longValue());
                })
                .toList();
    }
}
