package org.saferkent.platform.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void weekendsAreNotWorkingDaysAndAPlainWeekdayIs() {
        assertThat(calendar.isWorkingDay(date("2026-06-13"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(date("2026-06-14"))).as("Sunday").isFalse();
        assertThat(calendar.isWorkingDay(date("2026-06-15"))).as("Monday").isTrue();
        assertThat(calendar.isBankHoliday(date("2026-06-13"))).as("a weekend is not a bank holiday").isFalse();
        assertThat(calendar.holidayName(date("2026-06-15"))).isEmpty();
    }

    @Test
    void inAPlainWeekTwoWorkingDaysAfterMondayIsWednesday() {
        assertThat(calendar.addWorkingDays(date("2026-06-15"), 1)).isEqualTo(date("2026-06-16"));
        assertThat(calendar.addWorkingDays(date("2026-06-15"), 2)).isEqualTo(date("2026-06-17"));
        assertThat(calendar.addWorkingDays(date("2026-06-15"), 5)).isEqualTo(date("2026-06-22"));
    }

    @Test
    void countingFromThursdaySkipsTheWeekend() {
        assertThat(calendar.addWorkingDays(date("2026-06-18"), 1)).isEqualTo(date("2026-06-19"));
        assertThat(calendar.addWorkingDays(date("2026-06-18"), 2)).isEqualTo(date("2026-06-22"));
        assertThat(calendar.addWorkingDays(date("2026-06-19"), 1)).as("from Friday").isEqualTo(date("2026-06-22"));
    }

    @Test
    void twoWorkingDaysAfterChristmasEve2026IsWednesday30DecemberBecauseBoxingDayMovesToMonday() {
        assertThat(calendar.isBankHoliday(date("2026-12-25"))).isTrue();
        assertThat(calendar.isBankHoliday(date("2026-12-26"))).as("Saturday: its holiday moves").isFalse();
        assertThat(calendar.holidayName(date("2026-12-28"))).contains("Boxing Day (substitute day)");

        assertThat(calendar.addWorkingDays(date("2026-12-24"), 1)).isEqualTo(date("2026-12-29"));
        assertThat(calendar.addWorkingDays(date("2026-12-24"), 2)).isEqualTo(date("2026-12-30"));
    }

    @Test
    void oneWorkingDayAfterTheThursdayBeforeEaster2027IsTuesday30March() {
        assertThat(calendar.holidayName(date("2027-03-26"))).contains("Good Friday");
        assertThat(calendar.holidayName(date("2027-03-29"))).contains("Easter Monday");

        assertThat(calendar.addWorkingDays(date("2027-03-25"), 1)).isEqualTo(date("2027-03-30"));
    }

    @Test
    void theStateFuneralOf19September2022WasNotAWorkingDay() {
        assertThat(calendar.isWorkingDay(date("2022-09-19"))).isFalse();
        assertThat(calendar.holidayName(date("2022-09-19"))).hasValueSatisfying(name -> assertThat(name)
                .contains("State Funeral"));
        assertThat(calendar.addWorkingDays(date("2022-09-16"), 1)).isEqualTo(date("2022-09-20"));
    }

    @Test
    void theCoronationBankHolidayOf8May2023WasNotAWorkingDay() {
        assertThat(calendar.isWorkingDay(date("2023-05-08"))).isFalse();
        assertThat(calendar.addWorkingDays(date("2023-05-05"), 1)).isEqualTo(date("2023-05-09"));
        // the early May bank holiday the week before also counts: Fri 28 Apr + 2 skips Mon 1 May
        assertThat(calendar.addWorkingDays(date("2023-04-28"), 2)).isEqualTo(date("2023-05-03"));
    }

    @Test
    void theJubileeWeekOf2022LosesThursdayAndFriday() {
        assertThat(calendar.addWorkingDays(date("2022-06-01"), 1)).isEqualTo(date("2022-06-06"));
        assertThat(calendar.isWorkingDay(date("2022-05-30"))).as("spring bank holiday moved that year").isTrue();
    }

    @Test
    void startingOnAWeekendOrHolidayTheStartDayStillDoesNotCount() {
        assertThat(calendar.addWorkingDays(date("2026-06-13"), 1)).as("from Saturday").isEqualTo(date("2026-06-15"));
        assertThat(calendar.addWorkingDays(date("2026-06-14"), 1)).as("from Sunday").isEqualTo(date("2026-06-15"));
        assertThat(calendar.addWorkingDays(date("2026-12-25"), 1)).as("from Christmas Day")
                .isEqualTo(date("2026-12-29"));
        assertThat(calendar.addWorkingDays(date("2027-03-26"), 2)).as("from Good Friday")
                .isEqualTo(date("2027-03-31"));
    }

    @Test
    void zeroWorkingDaysIsTheStartWhenItIsAWorkingDayElseTheNextWorkingDay() {
        assertThat(calendar.addWorkingDays(date("2026-06-15"), 0)).isEqualTo(date("2026-06-15"));
        assertThat(calendar.addWorkingDays(date("2026-06-13"), 0)).isEqualTo(date("2026-06-15"));
        assertThat(calendar.addWorkingDays(date("2026-12-25"), 0)).isEqualTo(date("2026-12-29"));
    }

    @Test
    void aNegativeNumberOfWorkingDaysIsRefused() {
        assertThatThrownBy(() -> calendar.addWorkingDays(date("2026-06-15"), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void workingDaysBetweenCountsTheDaysAfterFromUpToAndIncludingTo() {
        assertThat(calendar.workingDaysBetween(date("2026-06-15"), date("2026-06-17"))).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(date("2026-06-19"), date("2026-06-22"))).as("over a weekend")
                .isEqualTo(1);
        assertThat(calendar.workingDaysBetween(date("2026-12-24"), date("2026-12-31"))).as("over Christmas")
                .isEqualTo(3);
        assertThat(calendar.workingDaysBetween(date("2026-06-13"), date("2026-06-14"))).as("within a weekend")
                .isZero();
        // 2026 has 261 weekdays; after Thu 1 Jan (itself excluded) 260, less its other 7 bank holidays
        assertThat(calendar.workingDaysBetween(date("2026-01-01"), date("2026-12-31"))).as("2026")
                .isEqualTo(260 - 7);
    }

    @Test
    void workingDaysBetweenIsZeroWhenToIsNotAfterFrom() {
        assertThat(calendar.workingDaysBetween(date("2026-06-17"), date("2026-06-17"))).isZero();
        assertThat(calendar.workingDaysBetween(date("2026-06-17"), date("2026-06-15"))).isZero();
    }

    @Test
    void workingDaysBetweenUndoesAddWorkingDays() {
        LocalDate start = date("2026-12-18");
        for (int days = 0; days <= 30; days++) {
            LocalDate due = calendar.addWorkingDays(start, days);
            assertThat(calendar.workingDaysBetween(start, due)).as("%d days", days).isEqualTo(days);
        }
    }
}
