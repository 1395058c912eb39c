package org.saferkent.commissioning.performance.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.saferkent.commissioning.activity.application.FactChange;
import org.saferkent.commissioning.activity.application.FactKind;
import org.saferkent.commissioning.activity.application.LiveFacts;
import org.saferkent.commissioning.performance.domain.DistrictFacts;
import org.saferkent.platform.workingdays.Quarter;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Indexes;

/**
 * Loads the facts of one district that have a day in some quarters (and, for first-time entrants,
 * the same quarters a year before), with what duplicates need from other referrals.
 */
class LiveFactsLoader {

    private static final Bson WITHOUT_BOOKKEEPING = Projections.exclude("appliedEvents", LiveFacts.DIRTY, LiveFacts.TOUCH);

    private final MongoTemplate mongo;

    LiveFactsLoader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    DistrictFacts load(int version, String district, Collection<Quarter> quarters) {
        List<String> codes = quarters.stream().map(Quarter::toString).toList();
        Set<String> withYearBefore = new LinkedHashSet<>(codes);
        quarters.forEach(q -> withYearBefore.add(q.yearBefore().toString()));
        List<Document> referrals = find(version, FactKind.REFERRAL, inDistrict(district, codes));
        List<Document> links = find(version, FactKind.LINK, inDistrict(district, codes));
        Set<String> linkedTo = new HashSet<>();
        links.forEach(link -> linkedTo.add(link.getString("linkedTo")));
        List<Document> linkedToReferrals = linkedTo.isEmpty() ? List.of()
                : find(version, FactKind.REFERRAL, Filters.and(Filters.in("referralId", linkedTo), Filters.eq("routed", true)));
        Set<String> referralIds = new HashSet<>();
        referrals.forEach(doc -> {
            if (doc.getString("referralId") != null) {
                referralIds.add(doc.getString("referralId"));
            }
        });
        Set<String> linkedReferralIds = new HashSet<>();
        if (!referralIds.isEmpty()) {
            find(version, FactKind.LINK, Filters.in("_id", referralIds)).forEach(doc -> linkedReferralIds.add(doc.getString("_id")));
        }
        return FactReader.districtFacts(referrals, links, linkedToReferrals, linkedReferralIds,
                find(version, FactKind.VICTIM_CASE, inDistrict(district, codes)),
                find(version, FactKind.RJ_CASE, inDistrict(district, codes)),
                find(version, FactKind.FIRST_TIME_ENTRANT, inDistrict(district, withYearBefore)));
    }

    /** The facts as performance reads them: without the markers of the events applied (most of a fact's bytes). */
    List<Document> find(int version, FactKind kind, Bson filter) {
        return mongo.getCollection(kind.collection(version)).find(filter).projection(WITHOUT_BOOKKEEPING).into(new ArrayList<>());
    }

    /** Every query of the facts names one of these; a store that refuses one is an error, not a reason to scan. */
    void ensureIndexes(int version) {
        for (FactKind kind : FactKind.values()) {
            var docs = mongo.getCollection(kind.collection(version));
            docs.createIndex(Indexes.ascending(LiveFacts.DIRTY));
            docs.createIndex(Indexes.ascending("district", FactChange.QUARTERS));
            if (kind == FactKind.REFERRAL) {
                docs.createIndex(Indexes.ascending("referralId"));
            }
            if (kind == FactKind.LINK) {
                docs.createIndex(Indexes.ascending("linkedTo"));
            }
        }
    }

    private static Bson inDistrict(String district, Collection<String> quarters) {
        return Filters.and(Filters.eq("district", district), Filters.in(FactChange.QUARTERS, quarters));
    }
}
