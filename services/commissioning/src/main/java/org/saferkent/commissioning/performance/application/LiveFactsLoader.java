package org.saferkent.commissioning.performance.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.saferkent.commissioning.activity.application.FactChange;
import org.saferkent.commissioning.activity.application.FactKind;
import org.saferkent.commissioning.activity.application.LiveFacts;
import org.saferkent.commissioning.performance.domain.DistrictFacts;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Indexes;

/**
 * Loads facts as performance reads them: those of one district and some days (to recompute their
 * {@link DayBuckets}), or any the refresh asks for.
 */
class LiveFactsLoader {

    private static final Bson WITHOUT_BOOKKEEPING = Projections.exclude("appliedEvents", LiveFacts.DIRTY, LiveFacts.TOUCH);

    private final MongoTemplate mongo;

    LiveFactsLoader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The facts of one district with something on one of {@code days} (bounded: what happened those
     * days), with the referrals' other pathways and what duplicates need from other referrals.
     */
    DistrictFacts loadDays(int version, String district, Collection<LocalDate> days) {
        List<String> codes = days.stream().map(LocalDate::toString).sorted().toList();
        Bson onDays = Filters.and(Filters.eq("district", district), Filters.in(FactChange.DAYS, codes));
        Set<String> referralIds = new HashSet<>();
        mongo.getCollection(FactKind.REFERRAL.collection(version)).find(onDays).projection(Projections.include("referralId"))
                .forEach(doc -> {
                    if (doc.getString("referralId") != null) {
                        referralIds.add(doc.getString("referralId"));
                    }
                });
        List<Document> referrals = referralIds.isEmpty() ? List.of()
                : find(version, FactKind.REFERRAL, Filters.in("referralId", referralIds));
        List<Document> links = find(version, FactKind.LINK, onDays);
        Set<String> linkedTo = new HashSet<>();
        links.forEach(link -> {
            if (link.getString("linkedTo") != null) {
                linkedTo.add(link.getString("linkedTo"));
            }
        });
        List<Document> linkedToReferrals = linkedTo.isEmpty() ? List.of()
                : find(version, FactKind.REFERRAL, Filters.and(Filters.in("referralId", linkedTo), Filters.eq("routed", true)));
        Set<String> linkedReferralIds = new HashSet<>();
        if (!referralIds.isEmpty()) {
            mongo.getCollection(FactKind.LINK.collection(version)).find(Filters.in("_id", referralIds))
                    .projection(Projections.include("_id")).forEach(doc -> linkedReferralIds.add(String.valueOf(doc.get("_id"))));
        }
        List<Document> victimCases = find(version, FactKind.VICTIM_CASE, onDays);
        Set<String> caseReferralIds = new HashSet<>();
        victimCases.forEach(victimCase -> {
            if (victimCase.getString("referralId") != null) {
                caseReferralIds.add(victimCase.getString("referralId"));
            }
        });
        // the pathways the cases' referrals were routed to: a case serves each victims pathway of its referral
        List<Document> caseReferrals = caseReferralIds.isEmpty() ? List.of()
                : mongo.getCollection(FactKind.REFERRAL.collection(version))
                        .find(Filters.and(Filters.in("referralId", caseReferralIds), Filters.eq("routed", true)))
                        .projection(Projections.include("referralId", "pathway", "routed")).into(new ArrayList<>());
        return FactReader.districtFacts(referrals, links, linkedToReferrals, linkedReferralIds, victimCases,
                find(version, FactKind.RJ_CASE, onDays), find(version, FactKind.FIRST_TIME_ENTRANT, onDays), caseReferrals);
    }

    /**
     * The district and days of the duplicates linked to {@code referralIds}, of every pathway of those
     * referrals and of their victim cases: their buckets change with a referral's pathways (a victim
     * case serves each victims pathway of its referral) and with its link.
     */
    List<Document> joinedDays(int version, Set<String> referralIds) {
        Bson where = Projections.include("district", FactChange.DAYS);
        List<Document> joined = new ArrayList<>();
        mongo.getCollection(FactKind.LINK.collection(version)).find(Filters.in("linkedTo", referralIds)).projection(where).into(joined);
        mongo.getCollection(FactKind.REFERRAL.collection(version)).find(Filters.in("referralId", referralIds)).projection(where)
                .into(joined);
        mongo.getCollection(FactKind.VICTIM_CASE.collection(version)).find(Filters.in("referralId", referralIds)).projection(where)
                .into(joined);
        return joined;
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
            docs.createIndex(Indexes.ascending("district", FactChange.DAYS));
            if (kind == FactKind.REFERRAL || kind == FactKind.VICTIM_CASE) {
                docs.createIndex(Indexes.ascending("referralId"));
            }
            if (kind == FactKind.LINK) {
                docs.createIndex(Indexes.ascending("linkedTo"));
            }
        }
    }
}
