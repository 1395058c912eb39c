package org.saferkent.commissioning.activity.application;

import java.util.List;

import org.bson.Document;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What the partnership did, per district and pathway. One document per referral × pathway records
 * the facts (routed, case opened); counts are derived from those, so a referral is never counted
 * twice and every event is applied exactly once (its marker and its change are one write).
 */
public class PartnershipActivity {

    static final String COLLECTION = "pathway_activity";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    public PartnershipActivity(MongoTemplate mongo, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    public void referralRouted(String eventId, String referralId, String district, String pathway) {
        writes.applyOnce(COLLECTION, key(referralId, pathway), eventId, new Update()
                .set("referralId", referralId).set("district", district).set("pathway", pathway).set("routed", true));
    }

    /** A case opened by victims or restorative justice for a referral's pathway. */
    public void caseOpened(String eventId, String caseId, String referralId, String district, String pathway) {
        String key = referralId != null ? key(referralId, pathway) : "case:" + caseId;
        writes.applyOnce(COLLECTION, key, eventId, new Update()
                .set("district", district).set("pathway", pathway).set("caseId", caseId).set("caseOpened", true));
    }

    public List<ActivityCount> counts() {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.group("district", "pathway")
                        .sum(ConditionalOperators.when(Criteria.where("routed").is(true)).then(1).otherwise(0))
                        .as("referralsRouted")
                        .sum(ConditionalOperators.when(Criteria.where("caseOpened").is(true)).then(1).otherwise(0))
                        .as("casesOpened"),
                Aggregation.sort(Sort.by("_id.district", "_id.pathway")));
        return mongo.aggregate(aggregation, COLLECTION, Document.class).getMappedResults().stream()
                .map(doc -> {
                    Document id = doc.get("_id", Document.class);
                    return new ActivityCount(id.getString("district"), id.getString("pathway"),
                            ((Number) doc.get("referralsRouted")).longValue(), ((Number) doc.get("casesOpened")).longValue());
                })
                .toList();
    }

    private static String key(String referralId, String pathway) {
        return referralId + ":" + pathway;
    }
}
