package org.saferkent.rj.youthjustice.domain;

import org.saferkent.platform.workingdays.Quarter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.rj.youthjustice.domain.GivenDisposals.disposal;
import static org.saferkent.rj.youthjustice.domain.GivenDisposals.given;
import static org.saferkent.rj.youthjustice.domain.DisposalType.COMMUNITY_RESOLUTION;
import static org.saferkent.rj.youthjustice.domain.DisposalType.COURT_SENTENCE;
import static org.saferkent.rj.youthjustice.domain.DisposalType.CUSTODIAL_SENTENCE;
import static org.saferkent.rj.youthjustice.domain.DisposalType.RELEASE_FROM_CUSTODY;
import static org.saferkent.rj.youthjustice.domain.DisposalType.YOUTH_CAUTION;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Proven reoffending: a re-offence is committed within 12 months of the index disposal and proven
 * within those 12 months or a further 6-month waiting period.
 */
class ProvenReoffendingTest {

    private static final Quarter Q1_2025 = Quarter.parse("2025-Q1").orElseThrow();
    /** The index: a youth caution on 15 January 2025. */
    private static final LocalDate INDEX = LocalDate.parse("2025-01-15");
    private static final LocalDate LAST_DAY_TO_COMMIT = LocalDate.parse("2026-01-15");
    private static final LocalDate LAST_DAY_TO_PROVE = LocalDate.parse("2026-07-15");

    @Test
    void theWindowRunsTwelveMonthsFromTheIndexThenSixMonthsMore() {
        assertThat(ProvenReoffending.window(INDEX))
                .isEqualTo(new ProvenReoffending.Window(INDEX, LAST_DAY_TO_COMMIT, LAST_DAY_TO_PROVE));
    }

    @Test
    void anOffenceCommittedOnTheLastDayOfTheTwelveMonthsCounts() {
        assertThat(reoffencesAfterIndex(disposal(YOUTH_CAUTION, LAST_DAY_TO_COMMIT, LAST_DAY_TO_COMMIT.plusMonths(1), 16)))
                .isEqualTo(1);
    }

    @Test
    void anOffenceCommittedTheDayAfterTheTwelveMonthsDoesNotCount() {
        LocalDate dayAfter = LAST_DAY_TO_COMMIT.plusDays(1);

        assertThat(reoffencesAfterIndex(disposal(YOUTH_CAUTION, dayAfter, dayAfter.plusMonths(1), 16))).isZero();
    }

    @Test
    void anOffenceProvenOnTheLastDayOfTheWaitingPeriodCounts() {
        assertThat(reoffencesAfterIndex(disposal(COURT_SENTENCE, LAST_DAY_TO_COMMIT, LAST_DAY_TO_PROVE, 16))).isEqualTo(1);
    }

    @Test
    void anOffenceProvenTheDayAfterTheWaitingPeriodDoesNotCount() {
        assertThat(reoffencesAfterIndex(disposal(COURT_SENTENCE, LAST_DAY_TO_COMMIT, LAST_DAY_TO_PROVE.plusDays(1), 16)))
                .isZero();
    }

    @Test
    void anOffenceCommittedOnOrBeforeTheIndexDateIsNotAReoffence() {
        assertThat(reoffencesAfterIndex(disposal(COURT_SENTENCE, INDEX, INDEX.plusMonths(2), 16))).isZero();
        assertThat(reoffencesAfterIndex(disposal(COURT_SENTENCE, INDEX.minusDays(3), INDEX.plusMonths(2), 16))).isZero();
        assertThat(reoffencesAfterIndex(disposal(COURT_SENTENCE, INDEX.plusDays(1), INDEX.plusMonths(2), 16))).isEqualTo(1);
    }

    @Test
    void aCommunityResolutionProvesNoReoffence() {
        assertThat(reoffencesAfterIndex(disposal(COMMUNITY_RESOLUTION, INDEX.plusMonths(1), INDEX.plusMonths(1), 16)))
                .isZero();
    }

    @Test
    void theIndexIsThePersonsFirstCohortEnteringDisposalInTheQuarter() {
        Disposal resolution = disposal(COMMUNITY_RESOLUTION, LocalDate.parse("2025-01-02"), 16);
        Disposal caution = disposal(YOUTH_CAUTION, LocalDate.parse("2025-02-01"), 16);
        Disposal sentence = disposal(COURT_SENTENCE, LocalDate.parse("2025-03-01"), 16);

        assertThat(ProvenReoffending.index(List.of(sentence, resolution, caution), Q1_2025)).contains(caution);
    }

    @Test
    void aCustodialSentenceJoinsTheCohortOnReleaseNotOnSentence() {
        Disposal custody = disposal(CUSTODIAL_SENTENCE, LocalDate.parse("2024-11-01"), 19);
        Disposal release = disposal(RELEASE_FROM_CUSTODY, LocalDate.parse("2024-11-01"), LocalDate.parse("2025-02-20"), 19);

        assertThat(ProvenReoffending.index(List.of(custody), Quarter.parse("2024-Q4").orElseThrow())).isEmpty();
        assertThat(ProvenReoffending.index(List.of(custody, release), Q1_2025)).contains(release);
    }

    @Test
    void theCohortMeasuresBinaryRateAndFrequency() {
        List<CohortMember> members = List.of(
                member(0), member(2), member(1), member(0));

        ReoffendingMeasure measure = ReoffendingMeasure.of(members);

        assertThat(measure).isEqualTo(new ReoffendingMeasure(4, 2, 3, 50.0, 0.75, 1.5));
        assertThat(ReoffendingMeasure.of(List.of())).isEqualTo(new ReoffendingMeasure(0, 0, 0, null, null, null));
    }

    @Test
    void aPersonsCohortMembershipCountsTheirReoffences() {
        OffendingHistory history = given(disposal(YOUTH_CAUTION, INDEX, 15),
                disposal(YOUTH_CAUTION, INDEX.plusMonths(2), INDEX.plusMonths(3), 15),
                disposal(COURT_SENTENCE, INDEX.plusMonths(6), INDEX.plusMonths(8), 15));

        CohortMember member = history.cohortMember(Q1_2025).orElseThrow();

        assertThat(member.indexDate()).isEqualTo(INDEX);
        assertThat(member.reoffences()).isEqualTo(2);
        assertThat(history.cohortMember(Quarter.parse("2024-Q4").orElseThrow())).isEmpty();
    }

    private static int reoffencesAfterIndex(Disposal later) {
        Disposal index = disposal(YOUTH_CAUTION, INDEX, 15);
        return ProvenReoffending.reoffences(List.of(index, later), index).size();
    }

    private static CohortMember member(int reoffences) {
        return new CohortMember("f".repeat(64), "thanet", 16, INDEX, reoffences);
    }
}
