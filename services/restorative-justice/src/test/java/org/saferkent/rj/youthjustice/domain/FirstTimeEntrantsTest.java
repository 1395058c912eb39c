package org.saferkent.rj.youthjustice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.rj.youthjustice.domain.GivenDisposals.disposal;
import static org.saferkent.rj.youthjustice.domain.GivenDisposals.given;
import static org.saferkent.rj.youthjustice.domain.DisposalType.COMMUNITY_RESOLUTION;
import static org.saferkent.rj.youthjustice.domain.DisposalType.COURT_SENTENCE;
import static org.saferkent.rj.youthjustice.domain.DisposalType.YOUTH_CAUTION;
import static org.saferkent.rj.youthjustice.domain.DisposalType.YOUTH_CONDITIONAL_CAUTION;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * First-time entrants: young people aged 10–17 at the disposal receiving their first youth caution or
 * court sentence; a community resolution is not an entry.
 */
class FirstTimeEntrantsTest {

    private static final LocalDate DAY = LocalDate.parse("2026-02-10");
    private static final Instant NOW = Instant.parse("2026-02-11T08:00:00Z");

    @ParameterizedTest(name = "aged {0} at a first youth caution: first-time entrant {1}")
    @CsvSource({"9, false", "10, true", "15, true", "17, true", "18, false"})
    void aFirstYouthCautionMakesAFirstTimeEntrantOnlyAtTenToSeventeen(int age, boolean entrant) {
        Disposal caution = disposal(YOUTH_CAUTION, DAY, age);

        OffendingHistory.Change change = OffendingHistory.none(GivenDisposals.PERSON).record(caution, NOW);

        assertThat(change.history().firstTimeEntry() != null).isEqualTo(entrant);
        assertThat(change.events()).first().isInstanceOfSatisfying(DisposalRecorded.class,
                event -> assertThat(event.firstTimeEntrant()).isEqualTo(entrant));
        assertThat(change.events().stream().filter(FirstTimeEntrantRecorded.class::isInstance)).hasSize(entrant ? 1 : 0);
    }

    @Test
    void theAgeAtDisposalFromADateOfBirthTurnsOnTheBirthday() {
        LocalDate born = LocalDate.parse("2008-06-15");
        LocalDate offence = LocalDate.parse("2026-05-01");

        assertThat(DisposalAges.fromDateOfBirth(born, offence, LocalDate.parse("2026-06-14")).atDisposal()).isEqualTo(17);
        assertThat(DisposalAges.fromDateOfBirth(born, offence, LocalDate.parse("2026-06-15")).atDisposal()).isEqualTo(18);
        assertThat(DisposalAges.fromDateOfBirth(LocalDate.parse("2016-03-01"), LocalDate.parse("2026-02-28"),
                LocalDate.parse("2026-03-01"))).isEqualTo(new DisposalAges(9, 10, Disposal.FROM_DATE_OF_BIRTH));
    }

    @Test
    void fromTheAgeAtTheOffenceTheAgeAtDisposalIsTheYoungestThePersonCanBe() {
        DisposalAges ages = DisposalAges.fromAgeAtOffence(17, LocalDate.parse("2025-03-10"), LocalDate.parse("2026-03-09"));

        assertThat(ages.atDisposal()).isEqualTo(17);
        assertThat(DisposalAges.fromAgeAtOffence(17, LocalDate.parse("2025-03-10"), LocalDate.parse("2026-03-10"))
                .atDisposal()).isEqualTo(18);
    }

    @Test
    void aSecondCautionIsNotAFirstTimeEntry() {
        Disposal first = disposal(YOUTH_CAUTION, DAY, 14);
        OffendingHistory history = given(first);

        OffendingHistory.Change change = history.record(disposal(YOUTH_CONDITIONAL_CAUTION, DAY.plusMonths(3), 14), NOW);

        assertThat(change.events()).singleElement().isInstanceOfSatisfying(DisposalRecorded.class,
                event -> assertThat(event.firstTimeEntrant()).isFalse());
        assertThat(change.history().firstTimeEntry().disposalId()).isEqualTo(first.id());
    }

    @Test
    void aCommunityResolutionIsNoEntrySoTheCautionAfterItIsTheFirstTimeEntry() {
        OffendingHistory history = given(disposal(COMMUNITY_RESOLUTION, DAY, 13));
        assertThat(history.firstTimeEntry()).isNull();
        Disposal caution = disposal(YOUTH_CAUTION, DAY.plusMonths(2), 13);

        OffendingHistory.Change change = history.record(caution, NOW);

        assertThat(change.history().firstTimeEntry().disposalId()).isEqualTo(caution.id());
        assertThat(change.events()).hasSize(2);
        assertThat(change.events().get(1)).isInstanceOfSatisfying(FirstTimeEntrantRecorded.class, event -> {
            assertThat(event.disposalId()).isEqualTo(caution.id());
            assertThat(event.quarter()).isEqualTo("2026-Q2");
            assertThat(event.district()).isEqualTo("thanet");
            assertThat(event.ageAtDisposal()).isEqualTo(13);
            assertThat(event.supersedesDisposalId()).isNull();
        });
    }

    @Test
    void aCourtSentenceIsAnEntryToo() {
        OffendingHistory.Change change = OffendingHistory.none(GivenDisposals.PERSON).record(disposal(COURT_SENTENCE, DAY, 16), NOW);

        assertThat(change.history().firstTimeEntry()).isNotNull();
    }

    @Test
    void aFirstEntryAtEighteenMeansNoYouthEntryLater() {
        OffendingHistory history = given(disposal(COURT_SENTENCE, DAY, 18));

        assertThat(history.record(disposal(YOUTH_CAUTION, DAY.plusDays(1), 18), NOW).history().firstTimeEntry()).isNull();
    }

    @Test
    void anEarlierCautionReportedLateBecomesTheFirstTimeEntryAndSaysWhichItReplaces() {
        Disposal sentence = disposal(COURT_SENTENCE, DAY, 15);
        OffendingHistory history = given(sentence);
        Disposal earlierCaution = disposal(YOUTH_CAUTION, DAY.minusMonths(4), 15);

        OffendingHistory.Change change = history.record(earlierCaution, NOW);

        assertThat(change.history().firstTimeEntry().disposalId()).isEqualTo(earlierCaution.id());
        assertThat(change.events().get(1)).isInstanceOfSatisfying(FirstTimeEntrantRecorded.class, event -> {
            assertThat(event.quarter()).isEqualTo("2025-Q4");
            assertThat(event.supersedesDisposalId()).isEqualTo(sentence.id());
        });
    }

    @Test
    void theSameDisposalRecordedAgainChangesNothing() {
        Disposal caution = disposal(YOUTH_CAUTION, DAY, 15);

        assertThat(given(caution).record(caution, NOW).changed()).isFalse();
    }

    @Test
    void theRateIsPerHundredThousandAgedTenToSeventeenAndTheChangeIsOnTheYearBefore() {
        assertThat(FirstTimeEntrants.ratePer100k(13, 13_300)).isEqualTo(97.7);
        assertThat(FirstTimeEntrants.ratePer100k(0, 13_300)).isEqualTo(0.0);
        assertThat(FirstTimeEntrants.yearOnYearChangePercent(163, 200)).isEqualTo(-18.5);
        assertThat(FirstTimeEntrants.yearOnYearChangePercent(5, 0)).isNull();
    }

    @Test
    void theCohortQuartersFollowTheCohortEnteringDisposals() {
        OffendingHistory history = given(disposal(COMMUNITY_RESOLUTION, DAY, 15), disposal(YOUTH_CAUTION, DAY, 15),
                disposal(COURT_SENTENCE, DAY.plusMonths(5), 15));

        assertThat(history.cohortQuarters()).isEqualTo(List.of("2026-Q1", "2026-Q3"));
    }
}
