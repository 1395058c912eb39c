package org.saferkent.platform.workingdays;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Beyond its list the calendar answers from the standing rules (issue 17: never a failed intake) and
 * says so once per year, so someone adds that year's list.
 */
class DataRangeTest {

    private final List<Integer> reported = new ArrayList<>();
    private final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales()
            .withComputedHolidaysListener((year, first, last) -> {
                assertThat(first).isEqualTo(2012);
                assertThat(last).isEqualTo(2030);
                reported.add(year);
            });

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aYearAfterTheListIsAnsweredFromTheRulesAndReportedOnce() {
        // 2031: New Year's Day Wednesday, Easter Sunday 13 April, Christmas Thursday
        assertThat(calendar.isWorkingDay(date("2031-01-01"))).isFalse();
        assertThat(calendar.isWorkingDay(date("2031-01-02"))).isTrue();
        assertThat(calendar.holidayName(date("2031-04-11"))).contains("Good Friday");
        assertThat(calendar.holidayName(date("2031-04-14"))).contains("Easter Monday");
        assertThat(calendar.isBankHoliday(date("2031-12-26"))).isTrue();
        assertThat(calendar.isListedYear(2031)).isFalse();

        assertThat(reported).containsExactly(2031);
    }

    @Test
    void aYearBeforeTheListIsAnsweredFromTheRulesToo() {
        // 2011: Christmas on a Sunday, so Boxing Day Monday 26 and Christmas's substitute Tuesday 27
        assertThat(calendar.holidayName(date("2011-12-26"))).contains("Boxing Day");
        assertThat(calendar.holidayName(date("2011-12-27"))).contains("Christmas Day (substitute day)");
        assertThat(reported).containsExactly(2011);
    }

    @Test
    void theLastDaysOfTheListAreAnsweredFromItWithoutAReport() {
        assertThat(calendar.isWorkingDay(date("2030-12-31"))).isTrue();
        // Christmas 2030 is Wed and Thu: Fri 27, Mon 30 and Tue 31 December are the working days left
        assertThat(calendar.addWorkingDays(date("2030-12-24"), 3)).isEqualTo(date("2030-12-31"));
        assertThat(calendar.workingDaysBetween(date("2030-12-24"), date("2030-12-31"))).isEqualTo(3);
        assertThat(reported).isEmpty();
    }

    @Test
    void countingThatRunsPastTheListGoesOnByTheRules() {
        assertThat(calendar.addWorkingDays(date("2030-12-30"), 2)).isEqualTo(date("2031-01-02"));
        assertThat(calendar.workingDaysBetween(date("2030-12-31"), date("2031-01-06"))).isEqualTo(3);
        assertThat(calendar.deadline(Instant.parse("2031-12-24T10:00:00Z"), 1))
                .isEqualTo(Instant.parse("2031-12-30T00:00:00Z")); // Wed 24: due by the end of Mon 29 (25, 26 holidays; weekend)
        assertThat(reported).containsExactly(2031);
    }

    @Test
    void aListenerThatFailsNeverFailsTheAnswer() {
        WorkingDayCalendar failing = WorkingDayCalendar.englandAndWales().withComputedHolidaysListener((year, first, last) -> {
            throw new IllegalStateException("the broker is down");
        });

        assertThat(failing.addWorkingDays(date("2032-12-24"), 1)).isEqualTo(date("2032-12-29"));
    }

    @Test
    void extraDataCoveringTheYearMakesItAListedYear() {
        WorkingDayCalendar extended = calendar.withHolidays(List.of(date("2031-01-01")));

        assertThat(extended.lastCoveredYear()).isEqualTo(2031);
        assertThat(extended.isListedYear(2031)).isTrue();
        assertThat(extended.addWorkingDays(date("2030-12-30"), 2)).isEqualTo(date("2031-01-02"));
        // listed: only what the list says (here New Year's Day alone)
        assertThat(extended.isBankHoliday(date("2031-04-11"))).isFalse();
        assertThat(reported).isEmpty();
    }
}
