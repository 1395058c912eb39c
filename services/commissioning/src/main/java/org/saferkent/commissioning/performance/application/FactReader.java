package org.saferkent.commissioning.performance.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import org.bson.Document;
import org.saferkent.commissioning.activity.application.FactKind;
import org.saferkent.commissioning.vocabulary.Pathways;
import org.saferkent.commissioning.performance.domain.DistrictFacts;
import org.saferkent.commissioning.performance.domain.FteFact;
import org.saferkent.commissioning.performance.domain.LinkFact;
import org.saferkent.commissioning.performance.domain.ReferralFact;
import org.saferkent.commissioning.performance.domain.RjCaseFact;
import org.saferkent.commissioning.performance.domain.RjOutcomeFact;
import org.saferkent.commissioning.performance.domain.VictimCaseFact;
import org.saferkent.commissioning.performance.domain.VictimOutcomeFact;

/** Reads fact documents (as written live or by a rebuild) into the facts performance is computed from. */
final class FactReader {

    static final String FIRST_CONTACT = "first-contact";
    /** Per event: the day the victim's needs were assessed. */
    static final String ASSESSED = "needsAssessedOn";
    /** Per event: the day a support plan was agreed. */
    static final String PLANNED = "supportPlanAgreedOn";

    private FactReader() {
    }

    /**
     * @param caseReferrals the referral pathways of the victim cases' referrals (a superset will do):
     *                      a case serves each victims pathway its referral was routed to
     */
    static DistrictFacts districtFacts(Collection<Document> referrals, Collection<Document> links,
            Collection<Document> linkedToReferrals, Set<String> linkedReferralIds, Collection<Document> victimCases,
            Collection<Document> rjCases, Collection<Document> firstTimeEntrants, Collection<Document> caseReferrals) {
        Map<String, Set<String>> routedPathways = routed(linkedToReferrals);
        Map<String, Set<String>> casePathways = routed(caseReferrals);
        return new DistrictFacts(
                referrals.stream().filter(doc -> doc.getString("referralId") != null).map(FactReader::referral).toList(),
                links.stream().map(FactReader::link).toList(),
                routedPathways,
                Set.copyOf(linkedReferralIds),
                victimCases.stream().map(doc -> victimCase(doc, casePathways)).toList(),
                rjCases.stream().map(FactReader::rjCase).toList(),
                firstTimeEntrants.stream().map(FactReader::firstTimeEntrant).toList());
    }

    /** The pathways each referral was routed to. */
    private static Map<String, Set<String>> routed(Collection<Document> referrals) {
        Map<String, Set<String>> routed = new HashMap<>();
        referrals.forEach(doc -> addRouted(routed, doc));
        return routed;
    }

    /** Adds the referral fact's pathway to its referral's routed pathways, if it was routed. */
    private static void addRouted(Map<String, Set<String>> routed, Document referral) {
        if (Boolean.TRUE.equals(referral.getBoolean("routed")) && referral.getString("referralId") != null) {
            routed.computeIfAbsent(referral.getString("referralId"), id -> new HashSet<>()).add(referral.getString("pathway"));
        }
    }

    /** Where {@link #byDistrict} reads facts from: each document of a kind, one at a time. */
    @FunctionalInterface
    interface FactSource {
        void forEach(FactKind kind, Consumer<Document> action);

        static FactSource of(Map<FactKind, ? extends Collection<Document>> facts) {
            return (kind, action) -> {
                Collection<Document> docs = facts.get(kind);
                if (docs != null) {
                    docs.forEach(action);
                }
            };
        }
    }

    /**
     * Every fact, by district (what duplicates need is taken from all districts): a rebuild's facts in
     * memory, or every fact of a version whose day buckets are built once. Each document is read once and
     * only its typed fact kept (referrals first: a victim case's pathways come from its referral's routing),
     * so a year of facts is never held as documents.
     */
    static Map<String, DistrictFacts> byDistrict(FactSource facts) {
        Map<String, List<ReferralFact>> referrals = new HashMap<>();
        Map<String, Set<String>> routed = new HashMap<>();
        facts.forEach(FactKind.REFERRAL, doc -> {
            if (doc.getString("referralId") == null) {
                return;
            }
            addRouted(routed, doc);
            String district = doc.getString("district");
            if (district != null) {
                referrals.computeIfAbsent(district, d -> new ArrayList<>()).add(referral(doc));
            }
        });
        Map<String, List<LinkFact>> links = new HashMap<>();
        Set<String> linkedIds = new HashSet<>();
        facts.forEach(FactKind.LINK, doc -> {
            linkedIds.add(String.valueOf(doc.get("_id")));
            inDistrict(links, doc, FactReader::link);
        });
        Map<String, List<VictimCaseFact>> victimCases = new HashMap<>();
        facts.forEach(FactKind.VICTIM_CASE, doc -> inDistrict(victimCases, doc, d -> victimCase(d, routed)));
        Map<String, List<RjCaseFact>> rjCases = new HashMap<>();
        facts.forEach(FactKind.RJ_CASE, doc -> inDistrict(rjCases, doc, FactReader::rjCase));
        Map<String, List<FteFact>> entrants = new HashMap<>();
        facts.forEach(FactKind.FIRST_TIME_ENTRANT, doc -> inDistrict(entrants, doc, FactReader::firstTimeEntrant));

        Set<String> districts = new HashSet<>();
        for (Map<String, ?> byDistrict : List.of(referrals, links, victimCases, rjCases, entrants)) {
            districts.addAll(byDistrict.keySet());
        }
        Set<String> linked = Set.copyOf(linkedIds);
        Map<String, Set<String>> routedPathways = Map.copyOf(routed);
        Map<String, DistrictFacts> byDistrict = new HashMap<>();
        for (String district : districts) {
            byDistrict.put(district, new DistrictFacts(referrals.getOrDefault(district, List.of()), links.getOrDefault(district, List.of()),
                    routedPathways, linked, victimCases.getOrDefault(district, List.of()), rjCases.getOrDefault(district, List.of()),
                    entrants.getOrDefault(district, List.of())));
        }
        return byDistrict;
    }

    private static <F> void inDistrict(Map<String, List<F>> byDistrict, Document doc, Function<Document, F> fact) {
        String district = doc.getString("district");
        if (district != null) {
            byDistrict.computeIfAbsent(district, d -> new ArrayList<>()).add(fact.apply(doc));
        }
    }

    static ReferralFact referral(Document doc) {
        return new ReferralFact(doc.getString("referralId"), doc.getString("pathway"), doc.getString("district"),
                day(doc, "routedOn"), day(doc, "acceptedOn"), day(doc, "declinedOn"));
    }

    static LinkFact link(Document doc) {
        return new LinkFact(doc.getString("referralId"), doc.getString("linkedTo"), doc.getString("district"), day(doc, "linkedOn"));
    }

    /**
     * A victim case serves the pathway it was opened on and every other victims pathway its referral
     * was routed to ({@code routedPathways}: by referral); none before its opening arrived.
     */
    static VictimCaseFact victimCase(Document doc, Map<String, Set<String>> routedPathways) {
        Document missed = doc.get("missed", Document.class);
        Document withdrawn = doc.get("withdrawn", Document.class);
        List<LocalDate> missedDueOn = new ArrayList<>();
        LocalDate firstContactMissed = null;
        if (missed != null) {
            for (String duty : missed.keySet()) {
                if (withdrawn != null && withdrawn.containsKey(duty)) {
                    continue; // done in time, recorded after the scan: met
                }
                LocalDate due = day(missed, duty);
                if (due != null) {
                    missedDueOn.add(due);
                }
                if (FIRST_CONTACT.equals(duty)) {
                    firstContactMissed = due;
                }
            }
        }
        Document outcome = latest(doc.get("outcomes", Document.class));
        VictimOutcomeFact outcomeFact = outcome == null ? null : new VictimOutcomeFact(day(outcome, "recordedOn"),
                number(outcome, "needsAssessed"), number(outcome, "needsMet"), Boolean.TRUE.equals(outcome.getBoolean("copeAndRecover")));
        Set<String> pathways = new TreeSet<>();
        String opened = doc.getString("pathway");
        if (opened != null) {
            pathways.add(opened);
            for (String routed : routedPathways.getOrDefault(doc.getString("referralId"), Set.of())) {
                if (Pathways.VICTIM_SERVICES.contains(opened) && Pathways.VICTIM_SERVICES.contains(routed)) {
                    pathways.add(routed);
                }
            }
        }
        return new VictimCaseFact(doc.getString("caseId"), doc.getString("district"), pathways,
                day(doc, "openedOn"), day(doc, "firstContactDueOn"), day(doc, "firstContactMadeOn"),
                doc.getBoolean("firstContactWithinTimeLimit"), firstContactMissed, missedDueOn, outcomeFact,
                earliest(doc.get(ASSESSED, Document.class)), earliest(doc.get(PLANNED, Document.class)),
                doc.getString("closeReason"), day(doc, "closedOn"));
    }

    /** The earliest of the days kept per event, or null. */
    private static LocalDate earliest(Document days) {
        LocalDate earliest = null;
        if (days != null) {
            for (Object value : days.values()) {
                if (value instanceof String text) {
                    LocalDate day = LocalDate.parse(text);
                    earliest = earliest == null || day.isBefore(earliest) ? day : earliest;
                }
            }
        }
        return earliest;
    }

    static RjCaseFact rjCase(Document doc) {
        Document outcome = latest(doc.get("outcomes", Document.class));
        RjOutcomeFact outcomeFact = outcome == null ? null : new RjOutcomeFact(day(outcome, "recordedOn"),
                outcome.get("victimSatisfaction") == null ? null : ((Number) outcome.get("victimSatisfaction")).intValue(),
                outcome.getBoolean("wouldRecommend"));
        return new RjCaseFact(doc.getString("caseId"), doc.getString("district"), day(doc, "openedOn"),
                day(doc, "closedOn"), doc.getString("closeReason"), outcomeFact);
    }

    static FteFact firstTimeEntrant(Document doc) {
        Number age = (Number) doc.get("ageAtDisposal");
        return new FteFact(doc.getString("disposalId"), doc.getString("district"), day(doc, "disposalOn"),
                age == null ? null : age.intValue(), Boolean.TRUE.equals(doc.getBoolean("superseded")));
    }

    /** The latest entry by its time; equal times are settled by the entry's key, so any reader picks the same. */
    private static Document latest(Document entries) {
        if (entries == null) {
            return null;
        }
        Document latest = null;
        String latestKey = null;
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            if (!(entry.getValue() instanceof Document candidate)) {
                continue;
            }
            if (latest == null || compare(candidate, entry.getKey(), latest, latestKey) > 0) {
                latest = candidate;
                latestKey = entry.getKey();
            }
        }
        return latest;
    }

    private static int compare(Document a, String aKey, Document b, String bKey) {
        int byTime = Long.compare(number(a, "recordedAt"), number(b, "recordedAt"));
        return byTime != 0 ? byTime : aKey.compareTo(bKey);
    }

    private static long number(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static LocalDate day(Document doc, String field) {
        String value = doc.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
