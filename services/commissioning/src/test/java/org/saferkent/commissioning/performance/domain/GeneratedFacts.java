package org.saferkent.commissioning.performance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.saferkent.commissioning.vocabulary.Measure;
import org.saferkent.commissioning.vocabulary.Pathways;

/**
 * Varied facts of two districts from a seed: referrals on one to three pathways (on one day or
 * several, answered across quarter ends, a few in another district than their other pathways),
 * duplicates (of routed referrals, of unrouted ones, some themselves referrals), victim cases with
 * first contacts in time, late, missed or not yet due, missed deadlines and outcomes, restorative
 * justice cases with closures and victims' views, and first-time entrants (superseded, too young or
 * old, of unknown age) over four years, a leap day included. And contracts with different pathway
 * sets and windows (starting mid-quarter, on a leap day, ended early).
 */
public final class GeneratedFacts {

    public static final List<String> DISTRICTS = List.of("maidstone", "swale");
    public static final PathwayScope SCOPE = new PathwayScope("restorative-justice", Set.of("youth-prevention"));
    private static final LocalDate FIRST = LocalDate.of(2025, 7, 1);
    private static final int SPAN = (int) (LocalDate.of(2028, 9, 30).toEpochDay() - FIRST.toEpochDay());

    private GeneratedFacts() {
    }

    public static List<ContractTerms> contracts() {
        List<Target> targets = List.of(new Target(Measure.CONTACTED_WITHIN_DEADLINE_SHARE, new BigDecimal("0.9"), new BigDecimal("0.05")),
                new Target(Measure.FTE_REDUCTION, new BigDecimal("0.1"), BigDecimal.ZERO),
                new Target(Measure.COST_PER_VICTIM_SUPPORTED, new BigDecimal("500"), BigDecimal.ZERO));
        return List.of(
                terms("victims", Set.of("victim-support", "domestic-abuse"), DISTRICTS, "2026-01-01", "2026-12-31", null, targets),
                terms("rj-youth", Set.of("restorative-justice", "youth-prevention"), List.of("maidstone"), "2026-08-15", "2027-08-14",
                        "2026-11-20", targets),
                terms("everything", Set.copyOf(Pathways.ALL), DISTRICTS, "2025-10-01", "2027-03-31", null, targets),
                terms("youth", Set.of("youth-prevention"), List.of("swale"), "2027-01-01", "2028-09-30", null, targets),
                terms("leap", Set.of("youth-prevention", "victim-support"), DISTRICTS, "2028-02-29", "2028-08-31", null, targets),
                terms("community", Set.of("asb-case", "troubled-families", "substance-misuse"), DISTRICTS, "2026-04-01", "2027-03-31",
                        null, List.of()));
    }

    private static ContractTerms terms(String id, Set<String> pathways, List<String> districts, String start, String end,
            String endedOn, List<Target> targets) {
        return new ContractTerms(id, "Provider " + id, "Service", pathways, Set.copyOf(districts), LocalDate.parse(start),
                LocalDate.parse(end), endedOn == null ? null : LocalDate.parse(endedOn), 36_500_000, targets);
    }

    /** Every district's facts (a superset, as the loaders give: each district's own and what duplicates need of any). */
    public static DistrictFacts generate(long seed) {
        Random random = new Random(seed);
        List<ReferralFact> referrals = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String id = "r" + i;
            String district = pick(random, DISTRICTS);
            LocalDate routed = day(random);
            List<String> pathways = new ArrayList<>(Pathways.ALL);
            java.util.Collections.shuffle(pathways, random);
            int on = 1 + random.nextInt(3);
            for (String pathway : pathways.subList(0, on)) {
                LocalDate routedOn = random.nextInt(3) == 0 ? routed.plusDays(random.nextInt(40)) : routed;
                if (random.nextInt(25) == 0) {
                    routedOn = null; // answered before its routing arrived
                }
                LocalDate answered = (routedOn == null ? routed : routedOn).plusDays(random.nextInt(30));
                int answer = random.nextInt(4);
                String where = random.nextInt(30) == 0 ? other(district) : district;
                referrals.add(new ReferralFact(id, pathway, where, routedOn, answer == 0 ? answered : null, answer == 1 ? answered : null));
            }
        }
        Map<String, Set<String>> routedPathways = new HashMap<>();
        referrals.stream().filter(r -> r.routedOn() != null)
                .forEach(r -> routedPathways.computeIfAbsent(r.referralId(), id -> new HashSet<>()).add(r.pathway()));
        List<LinkFact> links = new ArrayList<>();
        Set<String> linkedIds = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            String id = random.nextBoolean() ? "r" + random.nextInt(400) : "d" + i;
            if (!linkedIds.add(id)) {
                continue;
            }
            String linkedTo = random.nextInt(8) == 0 ? "never-routed-" + i : "r" + random.nextInt(400);
            links.add(new LinkFact(id, linkedTo, pick(random, DISTRICTS), random.nextInt(20) == 0 ? null : day(random)));
        }
        List<VictimCaseFact> victims = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            LocalDate opened = random.nextInt(15) == 0 ? null : day(random);
            LocalDate base = opened == null ? day(random) : opened;
            LocalDate due = base.plusDays(1 + random.nextInt(10));
            int contact = random.nextInt(4);
            Boolean withinLimit = contact == 0 ? Boolean.TRUE : contact == 1 ? Boolean.FALSE : null;
            LocalDate madeOn = contact < 2 ? base.plusDays(random.nextInt(14)) : null;
            LocalDate firstContactMissed = contact == 2 ? due : null;
            List<LocalDate> missed = new ArrayList<>();
            if (firstContactMissed != null) {
                missed.add(firstContactMissed);
            }
            if (random.nextInt(4) == 0) {
                missed.add(base.plusDays(20 + random.nextInt(30)));
            }
            VictimOutcomeFact outcome = random.nextBoolean() ? null : new VictimOutcomeFact(base.plusDays(random.nextInt(120)),
                    random.nextInt(5), random.nextInt(3), random.nextBoolean());
            // some cases serve both victims pathways; some have needs assessed, a plan agreed, a closure
            Set<String> pathways = random.nextInt(5) == 0 ? Set.copyOf(Pathways.VICTIM_SERVICES) : Set.of(pick(random, Pathways.ALL));
            LocalDate assessed = random.nextInt(3) == 0 ? null : base.plusDays(random.nextInt(30));
            LocalDate planned = random.nextInt(3) == 0 ? null : base.plusDays(random.nextInt(40));
            String closeReason = random.nextInt(3) == 0 ? null
                    : pick(random, List.of("completed", "declined-support", "unable-to-contact", "moved-away", "other"));
            LocalDate closed = closeReason == null ? null : base.plusDays(random.nextInt(150));
            victims.add(new VictimCaseFact("v" + i, pick(random, DISTRICTS), pathways, opened,
                    random.nextInt(10) == 0 ? null : due, madeOn, withinLimit, firstContactMissed, missed, outcome, assessed, planned,
                    closeReason, closed));
        }
        List<RjCaseFact> rjCases = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            LocalDate opened = day(random);
            LocalDate closed = random.nextBoolean() ? opened.plusDays(random.nextInt(150)) : null;
            String reason = closed == null ? null : pick(random, List.of("completed", "failed", "consent-withdrawn", "other"));
            RjOutcomeFact outcome = random.nextBoolean() ? null : new RjOutcomeFact(opened.plusDays(random.nextInt(150)),
                    random.nextInt(3) == 0 ? null : 1 + random.nextInt(5), random.nextInt(3) == 0 ? null : random.nextBoolean());
            rjCases.add(new RjCaseFact("j" + i, pick(random, DISTRICTS), random.nextInt(20) == 0 ? null : opened, closed, reason, outcome));
        }
        List<FteFact> entrants = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            LocalDate on = random.nextInt(40) == 0 ? LocalDate.of(2028, 2, 29) : random.nextInt(30) == 0 ? null : day(random);
            Integer age = random.nextInt(10) == 0 ? null : 8 + random.nextInt(12);
            entrants.add(new FteFact("f" + i, pick(random, DISTRICTS), on, age, random.nextInt(8) == 0));
        }
        return new DistrictFacts(referrals, links, routedPathways, linkedIds, victims, rjCases, entrants);
    }

    private static LocalDate day(Random random) {
        return FIRST.plusDays(random.nextInt(SPAN));
    }

    private static String other(String district) {
        return DISTRICTS.get(0).equals(district) ? DISTRICTS.get(1) : DISTRICTS.get(0);
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
