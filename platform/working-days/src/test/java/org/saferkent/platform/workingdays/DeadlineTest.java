package org.saferkent.platform.workingdays;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class DeadlineTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();

    @Test
    void theDeadlineIsLondonMidnightAtTheEndOfTheDueDayAcrossTheSpringClockChange() {
        // Sat 28 Mar 2026, 20:00 GMT; clocks go forward at 01:00 GMT on Sun 29 Mar
        Instant saturdayEvening = Instant.parse("2026-03-28T20:00:00Z");

        Instant due = calendar.deadline(saturdayEvening, 1);

        // due Mon 30 Mar, so met if done before 00:00 BST on Tue 31 Mar, which is 23:00 UTC on the 30th
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T23:00:00Z"));
        assertThat(LocalDateTime.ofInstant(due.minusNanos(1), WorkingDayCalendar.LONDON))
                .isEqualTo(LocalDate.of(2026, 3, 30).atTime(23, 59, 59, 999_999_999));
    }

    @Test
    void theDayCountedFromIsTheLondonDayNotTheUtcDay() {
        // 23:30 UTC on Sun 29 Mar 2026 is already 00:30 BST on Mon 30 Mar in London
        Instant justAfterLondonMidnight = Instant.parse("2026-03-29T23:30:00Z");

        assertThat(calendar.deadline(justAfterLondonMidnight, 1)).as("due Tue 31 Mar")
                .isEqualTo(Instant.parse("2026-03-31T23:00:00Z"));
        assertThat(calendar.withZone(ZoneOffset.UTC).deadline(justAfterLondonMidnight, 1))
                .as("counted in UTC it is still Sunday, so due Mon 30 Mar")
                .isEqualTo(Instant.parse("2026-03-31T00:00:00Z"));
    }

    @Test
    void aDeadlineAcrossTheAutumnClockChangeEndsAtGmtMidnight() {
        // Fri 23 Oct 2026 10:00 BST; clocks go back on Sun 25 Oct
        Instant fridayMorning = Instant.parse("2026-10-23T09:00:00Z");

        assertThat(calendar.deadline(fridayMorning, 1)).isEqualTo(Instant.parse("2026-10-27T00:00:00Z"));
    }

    @Test
    void twoWorkingDaysFromChristmasEve2026IsDueBeforeTheEndOfWednesday30December() {
        assertThat(calendar.deadline(Instant.parse("2026-12-24T15:45:00Z"), 2))
                .isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
    }

    @Test
    void zeroWorkingDaysOnAWorkingDayIsDueByTheEndOfThatSameDay() {
        assertThat(calendar.deadline(Instant.parse("2026-06-15T08:00:00Z"), 0))
                .isEqualTo(Instant.parse("2026-06-15T23:00:00Z"));
    }

    @Test
    void theZoneIsLondonUnlessChanged() {
        assertThat(calendar.zone()).isEqualTo(WorkingDayCalendar.LONDON);
        assertThat(WorkingDayCalendar.LONDON.getId()).isEqualTo("Europe/London");
        assertThat(calendar.withZone(ZoneOffset.UTC).zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(calendar.zone()).as("unchanged").isEqualTo(WorkingDayCalendar.LONDON);
    }
}
