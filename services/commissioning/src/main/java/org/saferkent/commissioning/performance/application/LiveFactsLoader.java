package org.saferkent.commissioning.performance.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        Set<String> linkedReferralIds = referralIds.isEmpty() ? Set.of() : ids(version, FactKind.LINK, Filters.in("_id", referralIds));
        return joined(version, referrals, linkedReferralIds, find(version, FactKind.LINK, onDays), find(version, FactKind.VICTIM_CASE, onDays),
                find(version, FactKind.RJ_CASE, onDays), find(version, FactKind.FIRST_TIME_ENTRANT, onDays));
    }

    /**
     * The facts of some {@link HotDays.Unit units}, whatever their districts and days (each referral with all
     * its pathways), with what each needs from other facts: bounded by the units asked for, found by id.
     */
    DistrictFacts loadUnits(int version, Collection<HotDays.Unit> units) {
        Map<FactKind, Set<String>> ids = new EnumMap<>(FactKind.class);
        for (FactKind kind : FactKind.values()) {
            ids.put(kind, new HashSet<>());
        }
        units.forEach(unit -> ids.get(unit.kind()).add(unit.id()));
        Set<String> referralIds = ids.get(FactKind.REFERRAL);
        List<Document> referrals = referralIds.isEmpty() ? List.of() : find(version, FactKind.REFERRAL, Filters.in("referralId", referralIds));
        Set<String> linkedReferralIds = referralIds.isEmpty() ? Set.of() : ids(version, FactKind.LINK, Filters.in("_id", referralIds));
        return joined(version, referrals, linkedReferralIds, byIds(version, FactKind.LINK, ids), byIds(version, FactKind.VICTIM_CASE, ids),
                byIds(version, FactKind.RJ_CASE, ids), byIds(version, FactKind.FIRST_TIME_ENTRANT, ids));
    }

    private List<Document> byIds(int version, FactKind kind, Map<FactKind, Set<String>> ids) {
        return ids.get(kind).isEmpty() ? List.of() : find(version, kind, Filters.in("_id", ids.get(kind)));
    }

    private Set<String> ids(int version, FactKind kind, Bson filter) {
        Set<String> ids = new HashSet<>();
        mongo.getCollection(kind.collection(version)).find(filter).projection(Projections.include("_id"))
                .forEach(doc -> ids.add(String.valueOf(doc.get("_id"))));
        return ids;
    }

    /** Completes facts with what they need from others: the pathways the links' referrals and the victim cases' referrals were routed to. */
    private DistrictFacts joined(int version, List<Document> referrals, Set<String> linkedReferralIds, List<Document> links,
            List<Document> victimCases, List<Document> rjCases, List<Document> firstTimeEntrants) {
        Set<String> linkedTo = new HashSet<>();
        links.forEach(link -> {
            if (link.getString("linkedTo") != null) {
                linkedTo.add(link.getString("linkedTo"));
            }
        });
        List<Document> linkedToReferrals = linkedTo.isEmpty() ? List.of()
                : find(version, FactKind.REFERRAL, Filters.and(Filters.in("referralId", linkedTo), Filters.eq("routed", true)));
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
        return FactReader.districtFacts(referrals, links, linkedToReferrals, linkedReferralIds, victimCases, rjCases, firstTimeEntrants,
                caseReferrals);
    }

    /**
     * The district and days of the duplicates linked to {@code referralIds}, of every pathway of those
     * referrals and of their victim cases, by kind: their buckets change with a referral's pathways (a
     * victim case serves each victims pathway of its referral) and with its link.
     */
    Map<FactKind, List<Document>> joinedDays(int version, Set<String> referralIds) {
        Bson where = Projections.include("district", FactChange.DAYS, "referralId");
        Map<FactKind, List<Document>> joined = new EnumMap<>(FactKind.class);
        for (var kind : List.of(Map.entry(FactKind.LINK, "linkedTo"), Map.entry(FactKind.REFERRAL, "referralId"),
                Map.entry(FactKind.VICTIM_CASE, "referralId"))) {
            joined.put(kind.getKey(), mongo.getCollection(kind.getKey().collection(version)).find(Filters.in(kind.getValue(), referralIds))
                    .projection(where).into(new ArrayList<>()));
        }
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
