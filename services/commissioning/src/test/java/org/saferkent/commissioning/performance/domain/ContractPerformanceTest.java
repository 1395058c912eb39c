package org.saferkent.commissioning.performance.domain;

import org.saferkent.platform.workingdays.Quarter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.saferkent.commissioning.vocabulary.Measure;

/**
 * A contract's performance in one district and quarter, from the district's facts: what counts, for
 * which contract, and the measures' maths.
 */
class ContractPerformanceTest {

    private static final PathwayScope SCOPE = new PathwayScope("restorative-justice", Set.of("youth-prevention", "restorative-justice"));
    private static final Quarter Q3 = new Quarter(2026, 3);
    private static final String MAIDSTONE = "maidstone";

    private static final ContractTerms CONTRACT = contract(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null,
            Set.of("victim-support", "domestic-abuse", "restorative-justice", "youth-prevention"), List.of(
                    target(Measure.CONTACTED_WITHIN_DEADLINE_SHARE, "0.9", "0.1"),
                    target(Measure.COPE_AND_RECOVER_SHARE, "0.5", "0"),
                    target(Measure.NEEDS_MET_SHARE, "0.45", "0.05"),
                    target(Measure.RJ_SATISFACTION_SHARE, "0.85", "0.05"),
                    target(Measure.FTE_REDUCTION, "0.185", "0.05"),
                    target(Measure.COST_PER_VICTIM_SUPPORTED, "23000", "1000")));

    private static final DistrictFacts FACTS = new DistrictFacts(
            List.of(
                    referral("r1", "victim-support", MAIDSTONE, "2026-07-01", "2026-07-02", null),
                    referral("r1", "restorative-justice", MAIDSTONE, "2026-07-01", null, null),
                    referral("r2", "domestic-abuse", MAIDSTONE, "2026-08-01", null, "2026-08-02"),
                    referral("r3", "asb-case", MAIDSTONE, "2026-07-10", null, null),
                    referral("r4", "victim-support", MAIDSTONE, "2026-06-30", "2026-07-01", null),
                    referral("r5", "victim-support", MAIDSTONE, "2026-07-05", null, null),
                    referral("r6", "victim-support", "swale", "2026-07-05", null, null)),
            List.of(
                    new LinkFact("r5", "r1", MAIDSTONE, day("2026-07-05")),
                    new LinkFact("r7", "r3", MAIDSTONE, day("2026-07-06"))),
            Map.of("r1", Set.of("victim-support", "restorative-justice"), "r3", Set.of("asb-case")),
            Set.of("r5", "r7"),
            List.of(
                    victimCase("v1", "victim-support", "2026-07-01", "2026-07-08", true, null,
                            new VictimOutcomeFact(day("2026-07-20"), 3, 2, true)),
                    victimCase("v2", "domestic-abuse", "2026-07-02", "2026-07-03", false, null,
                            new VictimOutcomeFact(day("2026-08-10"), 2, 0, false)),
                    new VictimCaseFact("v3", MAIDSTONE, "victim-support", day("2026-07-03"), day("2026-07-10"), null, null,
                            day("2026-07-10"), List.of(day("2026-07-10"), day("2026-07-10")), null),
                    victimCase("v4", "victim-support", "2026-09-29", "2026-10-06", true, null, null),
                    new VictimCaseFact("v5", "swale", "victim-support", day("2026-07-01"), null, null, null, null, List.of(), null)),
            List.of(
                    new RjCaseFact("j1", MAIDSTONE, day("2026-07-01"), day("2026-08-01"), "completed", new RjOutcomeFact(day("2026-08-01"), 5, true)),
                    new RjCaseFact("j2", MAIDSTONE, day("2026-07-02"), day("2026-08-02"), "failed", new RjOutcomeFact(day("2026-08-02"), 3, false)),
                    new RjCaseFact("j3", MAIDSTONE, day("2026-07-03"), day("2026-09-01"), "consent-withdrawn", null),
                    new RjCaseFact("j4", MAIDSTONE, day("2026-07-04"), null, null, new RjOutcomeFact(day("2026-07-30"), null, null))),
            List.of(
                    entrant("f1", "2026-07-10", 15, false), entrant("f2", "2026-08-10", 16, false),
                    entrant("f3", "2026-08-11", 16, true), entrant("f4", "2026-09-30", 18, false),
                    entrant("f5", "2025-07-01", 14, false), entrant("f6", "2025-08-01", 12, false),
                    entrant("f7", "2025-09-01", 17, false), entrant("f8", "2025-09-30", 10, false)));

    @Test
    void referralsCountOncePerReferralOnTheContractsPathwaysAndDuplicatesOnlyAsDuplicates() {
        PerformanceCounts counts = ContractPerformance.of(CONTRACT, MAIDSTONE, Q3, FACTS, SCOPE).counts();

        assertThat(counts.referralsRouted()).as("r1 (on two covered pathways) and r2; not r3 (asb), r4 (Q2), r5 (a duplicate), r6 (swale)")
                .isEqualTo(2);
        assertThat(counts.referralsAccepted()).as("r1 and r4, accepted in Q3").isEqualTo(2);
        assertThat(counts.referralsDeclined()).isEqualTo(1);
        assertThat(counts.duplicatesLinked()).as("r5 joined r1; r7 joined an asb referral the contract does not cover").isEqualTo(1);
    }

    @Test
    void victimsMeasuresFollowTheVictimsCode() {
        PerformanceSnapshot snapshot = ContractPerformance.of(CONTRACT, MAIDSTONE, Q3, FACTS, SCOPE);
        PerformanceCounts counts = snapshot.counts();

        assertThat(counts.victimCasesOpened()).isEqualTo(4);
        assertThat(counts.victimsSupported()).as("no case had its needs assessed or a support plan").isZero();
        assertThat(counts.firstContactsDue()).as("v1 in time, v2 late, v3 missed; v4's falls due in Q4").isEqualTo(3);
        assertThat(counts.contactedWithinDeadline()).isEqualTo(1);
        assertThat(counts.deadlinesMissed()).isEqualTo(2);
        assertThat(counts.outcomesRecorded()).isEqualTo(2);
        assertThat(counts.copedAndRecovered()).isEqualTo(1);
        assertThat(counts.needsWithOutcome()).isEqualTo(5);
        assertThat(counts.needsMet()).isEqualTo(2);
        assertThat(snapshot.measures().contactedWithinDeadlineShare()).isEqualTo(0.3333);
        assertThat(snapshot.measures().copeAndRecoverShare()).isEqualTo(0.5);
        assertThat(snapshot.measures().needsMetShare()).isEqualTo(0.4);
        assertThat(snapshot.measures().referralsAcceptedShare()).isEqualTo(0.6667);
    }

    @Test
    void restorativeJusticeCountsCompletionAndTheVictimsView() {
        PerformanceSnapshot snapshot = ContractPerformance.of(CONTRACT, MAIDSTONE, Q3, FACTS, SCOPE);
        PerformanceCounts counts = snapshot.counts();

        assertThat(counts.rjCasesOpened()).isEqualTo(4);
        assertThat(counts.rjCasesClosed()).isEqualTo(3);
        assertThat(counts.rjCasesCompleted()).isEqualTo(1);
        assertThat(counts.rjSatisfactionResponses()).as("j4's outcome has no score").isEqualTo(2);
        assertThat(counts.rjVictimsSatisfied()).as("a score of 4 or 5").isEqualTo(1);
        assertThat(counts.rjRecommendResponses()).isEqualTo(2);
        assertThat(counts.rjWouldRecommend()).isEqualTo(1);
        assertThat(snapshot.measures().rjCompletionShare()).isEqualTo(0.3333);
        assertThat(snapshot.measures().rjSatisfactionShare()).isEqualTo(0.5);
        assertThat(snapshot.measures().rjWouldRecommendShare()).isEqualTo(0.5);
    }

    @Test
    void firstTimeEntrantsAreComparedWithTheSameDaysAYearBefore() {
        PerformanceSnapshot snapshot = ContractPerformance.of(CONTRACT, MAIDSTONE, Q3, FACTS, SCOPE);

        assertThat(snapshot.counts().firstTimeEntrants()).as("f1, f2; f3 superseded, f4 aged 18").isEqualTo(2);
        assertThat(snapshot.counts().firstTimeEntrantsYearBefore()).isEqualTo(4);
        assertThat(snapshot.measures().fteReduction()).isEqualTo(0.5);
    }

    @Test
    void victimsSupportedAreCasesWhereSupportWasDeliveredWithOpenedDeclinedAndUnableToContactBesideThem() {
        DistrictFacts facts = new DistrictFacts(List.of(), List.of(), Map.of(), Set.of(), List.of(
                delivered("d1", "2026-07-01", "2026-07-02", "2026-07-05", null, null, null),
                delivered("d2", "2026-06-20", "2026-06-21", null, "2026-07-02", null, null),
                delivered("d3", "2026-07-01", "2026-07-02", null, null, null, null),
                delivered("d4", "2026-07-01", null, "2026-07-03", "2026-07-04", null, null),
                delivered("d5", "2026-07-01", null, null, null, "declined-support", "2026-07-10"),
                delivered("d6", "2026-07-01", null, null, null, "unable-to-contact", "2026-08-01"),
                delivered("d7", "2026-09-20", "2026-09-25", "2026-10-02", null, "completed", "2026-11-01")),
                List.of(), List.of());
        ContractTerms maidstoneOnly = new ContractTerms("c1", "Victim Support", "Kent Victim Care", Set.of("victim-support"),
                Set.of(MAIDSTONE), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, 36_500_000,
                List.of(target(Measure.COST_PER_VICTIM_SUPPORTED, "40000", "10000")));

        PerformanceSnapshot snapshot = ContractPerformance.of(maidstoneOnly, MAIDSTONE, Q3, facts, SCOPE);

        assertThat(snapshot.counts().victimsSupported())
                .as("d1 (contact, then needs assessed), d2 (opened in Q2, support plan in Q3); not d3 (contact only), d4 (no contact), d7 (Q4)")
                .isEqualTo(2);
        assertThat(snapshot.counts().victimCasesOpened()).as("d1, d3 to d7").isEqualTo(6);
        assertThat(snapshot.counts().victimCasesDeclined()).as("d5").isEqualTo(1);
        assertThat(snapshot.counts().victimCasesUnableToContact()).as("d6").isEqualTo(1);
        // £92,000 over the 2 victims support was delivered to, not the 6 cases opened
        assertThat(snapshot.measures().costPerVictimSupported()).isEqualTo(46_000.00);
        assertThat(snapshot.targets()).extracting(TargetStatus::status).containsExactly("amber");
        assertThat(ContractPerformance.of(maidstoneOnly, MAIDSTONE, new Quarter(2026, 4), facts, SCOPE).counts().victimsSupported())
                .as("d7").isEqualTo(1);
    }

    @Test
    void costPerVictimSupportedIsTheDistrictsShareOfTheValueProRatedToTheQuarterOverVictimsSupported() {
        PerformanceSnapshot snapshot = ContractPerformance.of(CONTRACT, MAIDSTONE, Q3, withSupportDelivered(FACTS), SCOPE);

        // £365,000 over 365 days; July to September is 92 days: £92,000, a third of it Maidstone's
        // (the two pennies a third leaves go to dover and maidstone, first by name)
        assertThat(snapshot.counts().valueProRatedPence()).isEqualTo(3_066_667);
        // over the 3 victims support was delivered to in Q3 (v1, v2, v4)
        assertThat(snapshot.measures().costPerVictimSupported()).isEqualTo(10_222.22);
    }

    @Test
    void everyTargetIsRatedRedAmberOrGreen() {
        PerformanceSnapshot snapshot = ContractPerformance.of(CONTRACT, MAIDSTONE, Q3, withSupportDelivered(FACTS), SCOPE);

        assertThat(snapshot.targets()).extracting(TargetStatus::measure, TargetStatus::value, TargetStatus::status).containsExactly(
                tuple("contacted-within-deadline-share", 0.3333, "red"),
                tuple("cope-and-recover-share", 0.5, "green"),
                tuple("needs-met-share", 0.4, "amber"),
                tuple("rj-satisfaction-share", 0.5, "red"),
                tuple("fte-reduction", 0.5, "green"),
                tuple("cost-per-victim-supported", 10222.22, "green"));
        assertThat(snapshot.quarter()).isEqualTo("2026-Q3");
        assertThat(snapshot.financialYearQuarter()).isEqualTo("2026/27-Q2");
        assertThat(snapshot.key()).isEqualTo("c1|maidstone|2026-Q3");
    }

    @Test
    void withNothingToDivideByAMeasureIsAbsentAndItsTargetHasNoData() {
        PerformanceSnapshot snapshot = ContractPerformance.of(CONTRACT, "dover", Q3, FACTS, SCOPE);

        assertThat(snapshot.measures()).isEqualTo(new PerformanceMeasures(null, null, null, null, null, null, null, null, null));
        assertThat(snapshot.targets()).extracting(TargetStatus::status).containsOnly("no-data");
        assertThat(snapshot.counts().valueProRatedPence()).as("dover's third of the quarter's value").isEqualTo(3_066_667);
    }

    @Test
    void onlyTheDaysTheContractCoversCount() {
        ContractTerms fromAugust = contract(LocalDate.of(2026, 8, 1), LocalDate.of(2027, 7, 31), LocalDate.of(2026, 9, 1),
                CONTRACT.pathways(), List.of());

        PerformanceSnapshot snapshot = ContractPerformance.of(fromAugust, MAIDSTONE, Q3, FACTS, SCOPE);

        assertThat(snapshot.coveredFrom()).isEqualTo(day("2026-08-01"));
        assertThat(snapshot.coveredTo()).as("ended early").isEqualTo(day("2026-09-01"));
        assertThat(snapshot.counts().referralsRouted()).as("r2 only").isEqualTo(1);
        assertThat(snapshot.counts().rjCasesClosed()).as("j1, j2 and j3 (on its last day)").isEqualTo(3);
        // the value is spread over the agreed year (365 days), for the 32 days covered: £32,000, a third Maidstone's
        assertThat(snapshot.counts().valueProRatedPence()).isEqualTo(1_066_667);
        assertThat(fromAugust.covers(MAIDSTONE, new Quarter(2026, 4))).isFalse();
        assertThat(fromAugust.quarters()).extracting(Quarter::toString).containsExactly("2026-Q3");
    }

    @Test
    void aContractAnswersOnlyForItsOwnPathways() {
        ContractTerms victimsOnly = contract(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, Set.of("victim-support"),
                List.of(target(Measure.FTE_REDUCTION, "0.1", "0")));

        PerformanceSnapshot snapshot = ContractPerformance.of(victimsOnly, MAIDSTONE, Q3, FACTS, SCOPE);

        assertThat(snapshot.counts().referralsRouted()).as("r1").isEqualTo(1);
        assertThat(snapshot.counts().victimCasesOpened()).as("v1, v3, v4").isEqualTo(3);
        assertThat(snapshot.counts().rjCasesOpened()).isZero();
        assertThat(snapshot.counts().firstTimeEntrants()).isZero();
        assertThat(snapshot.measures().fteReduction()).isNull();
        assertThat(snapshot.targets()).extracting(TargetStatus::status).containsExactly("no-data");
    }

    // ---------------------------------------------------------------- facts

    private static ContractTerms contract(LocalDate start, LocalDate end, LocalDate endedOn, Set<String> pathways, List<Target> targets) {
        return new ContractTerms("c1", "Victim Support", "Kent Victim Care", pathways, Set.of(MAIDSTONE, "swale", "dover"), start, end,
                endedOn, 36_500_000, targets);
    }

    private static Target target(Measure measure, String target, String amberWithin) {
        return new Target(measure, new BigDecimal(target), new BigDecimal(amberWithin));
    }

    private static ReferralFact referral(String id, String pathway, String district, String routed, String accepted, String declined) {
        return new ReferralFact(id, pathway, district, day(routed), day(accepted), day(declined));
    }

    private static VictimCaseFact victimCase(String id, String pathway, String opened, String due, Boolean within, String missed,
            VictimOutcomeFact outcome) {
        return new VictimCaseFact(id, MAIDSTONE, pathway, day(opened), day(due), within == null ? null : day(opened), within,
                day(missed), missed == null ? List.of() : List.of(day(missed)), outcome);
    }

    private static VictimCaseFact delivered(String id, String opened, String contactMade, String assessed, String planAgreed,
            String closeReason, String closed) {
        return new VictimCaseFact(id, MAIDSTONE, Set.of("victim-support"), day(opened), null, day(contactMade),
                contactMade == null ? null : true, null, List.of(), null, day(assessed), day(planAgreed), closeReason, day(closed));
    }

    /** The same facts, each case that had a first contact made having its needs assessed the same day. */
    private static DistrictFacts withSupportDelivered(DistrictFacts facts) {
        return new DistrictFacts(facts.referrals(), facts.links(), facts.routedPathways(), facts.linkedReferralIds(),
                facts.victimCases().stream().map(v -> new VictimCaseFact(v.caseId(), v.district(), v.pathways(), v.openedOn(),
                        v.firstContactDueOn(), v.firstContactMadeOn(), v.firstContactWithinTimeLimit(), v.firstContactMissedDueOn(),
                        v.missedDueOn(), v.outcome(), v.firstContactMadeOn(), null, null, null)).toList(),
                facts.rjCases(), facts.firstTimeEntrants());
    }

    private static FteFact entrant(String id, String disposedOn, int age, boolean superseded) {
        return new FteFact(id, MAIDSTONE, day(disposedOn), age, superseded);
    }

    private static LocalDate day(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
