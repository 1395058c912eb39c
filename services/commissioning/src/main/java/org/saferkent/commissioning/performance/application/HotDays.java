package org.saferkent.commissioning.performance.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.saferkent.commissioning.activity.application.FactKind;
import org.saferkent.commissioning.performance.domain.DayCounts;
import org.saferkent.commissioning.performance.domain.DistrictFacts;
import org.saferkent.commissioning.performance.domain.FteFact;
import org.saferkent.commissioning.performance.domain.LinkFact;
import org.saferkent.commissioning.performance.domain.ReferralFact;
import org.saferkent.commissioning.performance.domain.RjCaseFact;
import org.saferkent.commissioning.performance.domain.VictimCaseFact;

/**
 * The district-days a refresh recomputed lately, each as what its facts counted one {@link Unit} at a
 * time, kept in memory between rounds so that a round on a busy day reads the facts that changed and not
 * the day's others. A day's counts are the sum of its units' ({@link DayCounts#byDay} counts each unit
 * on its own: a referral with its pathways, a duplicate, a victim case, a restorative justice case, a
 * first-time entrant), so a round recomputes the units its changed facts name (found by id) and sums the
 * day again; a day not kept is read whole ({@link LiveFactsLoader#loadDays}), as before, and kept.
 *
 * <p>What is kept is right only while every change of a fact reached this holder as a dirty flag: so it
 * is dropped when the projection's version changes, when a hold follows another holder's
 * ({@link ProjectionLease.Hold#followsOwn()}: it cleared flags this one never saw), and when a round
 * fails. Nothing here is stored: a new holder, or a restarted one, starts by reading days whole. The
 * least recently used days are dropped past {@value #CAPACITY} unit-days (estimated at a few hundred bytes each: about 40 MB).
 */
final class HotDays {

    /** Unit-days kept at most. */
    static final int CAPACITY = 100_000;

    /** What counts on its own: a referral (all its pathways: {@code id} is the referral's), or one link, victim case, RJ case or entrant. */
    record Unit(FactKind kind, String id) {
    }

    record DistrictDay(String district, LocalDate day) {
    }

    private final LiveFactsLoader loader;
    /** Per day kept, in the order used (least recently first): each unit's counts there. */
    private final LinkedHashMap<DistrictDay, Map<Unit, DayCounts>> days = new LinkedHashMap<>(64, 0.75f, true);
    /** Per unit, the kept days it counts on. */
    private final Map<Unit, Set<DistrictDay>> daysOf = new HashMap<>();
    private int size;
    private final KeptUnder keptUnder = new KeptUnder();

    HotDays(LiveFactsLoader loader) {
        this.loader = loader;
    }

    /** The units a changed (or joined) fact document names: its own, and for a link also its referral's (a duplicate never counts as a referral). */
    static List<Unit> units(FactKind kind, Document doc) {
        String id = String.valueOf(doc.get("_id"));
        return switch (kind) {
            case REFERRAL -> doc.getString("referralId") == null ? List.of() : List.of(new Unit(kind, doc.getString("referralId")));
            case LINK -> List.of(new Unit(kind, id), new Unit(FactKind.REFERRAL, id));
            default -> List.of(new Unit(kind, id));
        };
    }

    /**
     * The counts of each of {@code wanted}'s district-days, and of any kept day a changed unit moved
     * although no fact named it: the changed units recomputed from their facts where they count on kept
     * days, the days not kept read whole.
     *
     * @param changed the units whose facts changed since the last round (with those joined to them)
     * @param check   runs before each read (the lease's check)
     */
    synchronized Map<String, Map<LocalDate, DayCounts>> counts(int version, ProjectionLease.Hold hold,
            Map<String, ? extends Collection<LocalDate>> wanted, Set<Unit> changed, Runnable check) {
        if (!keptUnder.moveTo(version, hold)) {
            empty();
        }
        Set<DistrictDay> moved = new HashSet<>();
        if (!changed.isEmpty() && touchesKept(wanted, changed)) {
            check.run();
            Map<Unit, Map<DistrictDay, DayCounts>> now = contributions(loader.loadUnits(version, changed));
            for (Unit unit : changed) {
                update(unit, now.getOrDefault(unit, Map.of()), moved);
            }
        }
        wanted.forEach((district, onDays) -> {
            Set<DistrictDay> missing = new HashSet<>();
            onDays.forEach(day -> {
                DistrictDay districtDay = new DistrictDay(district, day);
                if (!days.containsKey(districtDay)) {
                    missing.add(districtDay);
                }
            });
            if (!missing.isEmpty()) {
                check.run();
                Map<Unit, Map<DistrictDay, DayCounts>> loaded = contributions(loader.loadDays(version, district,
                        missing.stream().map(DistrictDay::day).toList()));
                missing.forEach(districtDay -> days.put(districtDay, new HashMap<>()));
                loaded.forEach((unit, byDay) -> byDay.forEach((districtDay, counts) -> {
                            if (missing.contains(districtDay)) { // the load is complete for the days asked, a superset elsewhere
                                put(districtDay, unit, counts);
                            }
                        }));
            }
        });
        Map<String, Map<LocalDate, DayCounts>> counted = new TreeMap<>();
        wanted.forEach((district, onDays) -> onDays.forEach(day -> counted.computeIfAbsent(district, d -> new TreeMap<>())
                .put(day, DayCounts.sum(days.get(new DistrictDay(district, day)).values()))));
        moved.forEach(districtDay -> counted.computeIfAbsent(districtDay.district(), d -> new TreeMap<>())
                .computeIfAbsent(districtDay.day(), day -> DayCounts.sum(days.get(districtDay).values())));
        evict();
        return counted;
    }

    /** Forgets every day (the next round reads the days it needs whole). */
    synchronized void clear() {
        empty();
        keptUnder.forget();
    }

    private void empty() {
        days.clear();
        daysOf.clear();
        size = 0;
    }

    /** For tests: the unit-days kept. */
    synchronized int size() {
        return size;
    }

    /** Whether a changed unit can count on a kept day: one a changed fact names, or one it counted on before. */
    private boolean touchesKept(Map<String, ? extends Collection<LocalDate>> wanted, Set<Unit> changed) {
        if (days.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, ? extends Collection<LocalDate>> district : wanted.entrySet()) {
            for (LocalDate day : district.getValue()) {
                if (days.containsKey(new DistrictDay(district.getKey(), day))) {
                    return true;
                }
            }
        }
        return changed.stream().anyMatch(daysOf::containsKey);
    }

    /** Puts the unit's counts on each kept day as they are now (none: it counts there no more). */
    private void update(Unit unit, Map<DistrictDay, DayCounts> now, Set<DistrictDay> moved) {
        Set<DistrictDay> touched = new HashSet<>(daysOf.getOrDefault(unit, Set.of()));
        touched.addAll(now.keySet());
        for (DistrictDay districtDay : touched) {
            Map<Unit, DayCounts> day = days.get(districtDay);
            if (day == null) {
                continue;
            }
            DayCounts counts = now.get(districtDay);
            if (Objects.equals(counts, day.get(unit))) {
                continue;
            }
            moved.add(districtDay);
            if (counts == null) {
                day.remove(unit);
                size--;
                forget(unit, districtDay);
            } else {
                put(districtDay, unit, counts);
            }
        }
    }

    private void put(DistrictDay districtDay, Unit unit, DayCounts counts) {
        if (days.get(districtDay).put(unit, counts) == null) {
            size++;
            daysOf.computeIfAbsent(unit, u -> new HashSet<>()).add(districtDay);
        }
    }

    private void evict() {
        Iterator<Map.Entry<DistrictDay, Map<Unit, DayCounts>>> eldest = days.entrySet().iterator();
        while (size > CAPACITY && eldest.hasNext()) {
            Map.Entry<DistrictDay, Map<Unit, DayCounts>> day = eldest.next();
            day.getValue().keySet().forEach(unit -> forget(unit, day.getKey()));
            size -= day.getValue().size();
            eldest.remove();
        }
    }

    /** The unit no longer counts on the kept day (in {@link #daysOf}). */
    private void forget(Unit unit, DistrictDay districtDay) {
        Set<DistrictDay> of = daysOf.get(unit);
        of.remove(districtDay);
        if (of.isEmpty()) {
            daysOf.remove(unit);
        }
    }

    /** What each unit of {@code facts} counts on each district-day: {@link DayCounts#byDay} of the unit alone. */
    static Map<Unit, Map<DistrictDay, DayCounts>> contributions(DistrictFacts facts) {
        Map<Unit, Map<DistrictDay, DayCounts>> byUnit = new HashMap<>();
        Map<String, List<ReferralFact>> byReferral = new HashMap<>();
        facts.referrals().forEach(referral -> byReferral.computeIfAbsent(referral.referralId(), id -> new ArrayList<>()).add(referral));
        byReferral.forEach((id, pathways) -> {
            Set<String> linked = facts.linkedReferralIds().contains(id) ? Set.of(id) : Set.of();
            DistrictFacts alone = new DistrictFacts(pathways, List.of(), Map.of(), linked, List.of(), List.of(), List.of());
            pathways.stream().map(ReferralFact::district).filter(Objects::nonNull).distinct()
                    .forEach(district -> count(byUnit, new Unit(FactKind.REFERRAL, id), alone, district));
        });
        for (LinkFact link : facts.links()) {
            Set<String> routed = link.linkedTo() == null ? null : facts.routedPathways().get(link.linkedTo());
            count(byUnit, new Unit(FactKind.LINK, link.referralId()), new DistrictFacts(List.of(), List.of(link),
                    routed == null ? Map.of() : Map.of(link.linkedTo(), routed), Set.of(), List.of(), List.of(), List.of()), link.district());
        }
        for (VictimCaseFact victimCase : facts.victimCases()) {
            count(byUnit, new Unit(FactKind.VICTIM_CASE, victimCase.caseId()), new DistrictFacts(List.of(), List.of(), Map.of(), Set.of(),
                    List.of(victimCase), List.of(), List.of()), victimCase.district());
        }
        for (RjCaseFact rjCase : facts.rjCases()) {
            count(byUnit, new Unit(FactKind.RJ_CASE, rjCase.caseId()), new DistrictFacts(List.of(), List.of(), Map.of(), Set.of(),
                    List.of(), List.of(rjCase), List.of()), rjCase.district());
        }
        for (FteFact entrant : facts.firstTimeEntrants()) {
            count(byUnit, new Unit(FactKind.FIRST_TIME_ENTRANT, entrant.disposalId()), new DistrictFacts(List.of(), List.of(), Map.of(),
                    Set.of(), List.of(), List.of(), List.of(entrant)), entrant.district());
        }
        return byUnit;
    }

    private static void count(Map<Unit, Map<DistrictDay, DayCounts>> byUnit, Unit unit, DistrictFacts alone, String district) {
        if (unit.id() == null || district == null) {
            return;
        }
        DayCounts.byDay(alone, district).forEach((day, counts) -> byUnit.computeIfAbsent(unit, u -> new HashMap<>())
                .put(new DistrictDay(district, day), counts));
    }
}
