package org.saferkent.commissioning.performance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saferkent.platform.workingdays.Quarter;

/**
 * A cell summed from day buckets is exactly what the district's facts give directly (the rules as
 * they were before buckets, kept in {@link ReferenceContractPerformance}), for varied facts and
 * contracts of different pathways and windows.
 */
class DayCountsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2031})
    void cellsSummedFromDayBucketsAreWhatTheFactsGiveDirectly(long seed) {
        DistrictFacts facts = GeneratedFacts.generate(seed);
        int cells = 0;
        long counted = 0;
        for (String district : GeneratedFacts.DISTRICTS) {
            Map<LocalDate, DayCounts> days = DayCounts.byDay(facts, district);
            for (ContractTerms contract : GeneratedFacts.contracts()) {
                for (Quarter quarter : contract.quarters()) {
                    if (!contract.covers(district, quarter)) {
                        continue;
                    }
                    PerformanceCounts expected = ReferenceContractPerformance.counts(contract, district, quarter, facts, GeneratedFacts.SCOPE);
                    PerformanceSnapshot fromBuckets = ContractPerformance.of(contract, district, quarter, days, GeneratedFacts.SCOPE);
                    assertThat(fromBuckets.counts()).as("%s %s %s", contract.contractId(), district, quarter).isEqualTo(expected);
                    assertThat(ContractPerformance.of(contract, district, quarter, facts, GeneratedFacts.SCOPE)).isEqualTo(fromBuckets);
                    cells++;
                    counted += expected.referralsRouted() + expected.referralsAccepted() + expected.duplicatesLinked()
                            + expected.victimsSupported() + expected.victimCasesOpened() + expected.victimCasesDeclined()
                            + expected.victimCasesUnableToContact() + expected.firstContactsDue() + expected.rjCasesClosed()
                            + expected.rjSatisfactionResponses() + expected.firstTimeEntrants() + expected.firstTimeEntrantsYearBefore();
                }
            }
        }
        assertThat(cells).as("cells compared").isGreaterThan(40);
        assertThat(counted).as("the generated facts count for something").isGreaterThan(500);
    }

    @Test
    void aReferralOnTwoCoveredPathwaysCountsOnceOnTheFirstDayOfTheWindowEitherReachedAStep() {
        ReferralFact first = new ReferralFact("r1", "victim-support", "maidstone", LocalDate.of(2026, 6, 20), LocalDate.of(2026, 7, 2), null);
        ReferralFact second = new ReferralFact("r1", "domestic-abuse", "maidstone", LocalDate.of(2026, 6, 20), LocalDate.of(2026, 7, 9), null);
        DistrictFacts facts = new DistrictFacts(List.of(first, second), List.of(), Map.of(), Set.of(), List.of(), List.of(), List.of());
        ContractTerms both = contract(Set.of("victim-support", "domestic-abuse"), "2026-01-01");
        ContractTerms fromJuly5 = contract(Set.of("victim-support", "domestic-abuse"), "2026-07-05");
        ContractTerms secondOnly = contract(Set.of("domestic-abuse"), "2026-01-01");
        Quarter q3 = Quarter.of(LocalDate.of(2026, 7, 1));
        Map<LocalDate, DayCounts> days = DayCounts.byDay(facts, "maidstone");

        assertThat(ContractPerformance.of(both, "maidstone", q3, days, GeneratedFacts.SCOPE).counts().referralsAccepted()).isEqualTo(1);
        assertThat(ContractPerformance.of(fromJuly5, "maidstone", q3, days, GeneratedFacts.SCOPE).counts().referralsAccepted())
                .as("accepted on domestic-abuse on the 9th, within its window; on victim-support before it").isEqualTo(1);
        assertThat(ContractPerformance.of(secondOnly, "maidstone", q3, days, GeneratedFacts.SCOPE).counts().referralsAccepted()).isEqualTo(1);
        assertThat(ContractPerformance.of(both, "maidstone", q3, days, GeneratedFacts.SCOPE).counts().referralsRouted())
                .as("routed in Q2").isZero();
    }

    @Test
    void aVictimCaseServingTwoPathwaysCountsOnceForAContractCoveringEitherOrBoth() {
        VictimCaseFact both = new VictimCaseFact("v1", "maidstone", Set.of("victim-support", "domestic-abuse"), LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 3), null, null, LocalDate.of(2026, 7, 3), List.of(LocalDate.of(2026, 7, 3)), null);
        DistrictFacts facts = new DistrictFacts(List.of(), List.of(), Map.of(), Set.of(), List.of(both), List.of(), List.of());
        Quarter q3 = Quarter.of(LocalDate.of(2026, 7, 1));
        Map<LocalDate, DayCounts> days = DayCounts.byDay(facts, "maidstone");

        for (Set<String> covered : List.of(Set.of("victim-support"), Set.of("domestic-abuse"), Set.of("victim-support", "domestic-abuse"))) {
            PerformanceCounts counts = ContractPerformance.of(contract(covered, "2026-01-01"), "maidstone", q3, days, GeneratedFacts.SCOPE)
                    .counts();
            assertThat(counts.victimCasesOpened()).as("opened, for %s", covered).isEqualTo(1);
            assertThat(counts.firstContactsDue()).as("first contacts due, for %s", covered).isEqualTo(1);
            assertThat(counts.deadlinesMissed()).as("deadlines missed, for %s", covered).isEqualTo(1);
            assertThat(ReferenceContractPerformance.counts(contract(covered, "2026-01-01"), "maidstone", q3, facts, GeneratedFacts.SCOPE))
                    .isEqualTo(counts);
        }
        assertThat(ContractPerformance.of(contract(Set.of("restorative-justice"), "2026-01-01"), "maidstone", q3, days, GeneratedFacts.SCOPE)
                .counts().victimCasesOpened()).isZero();
    }

    private static ContractTerms contract(Set<String> pathways, String start) {
        return new ContractTerms("c", "p", "s", pathways, Set.of("maidstone"), LocalDate.parse(start), LocalDate.parse("2026-12-31"), null,
                1000, List.of());
    }
}
