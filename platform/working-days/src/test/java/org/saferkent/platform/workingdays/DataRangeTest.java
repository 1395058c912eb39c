package org.saferkent.platform.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Beyond its data the calendar refuses to answer rather than treat the days as holiday-free. */
class DataRangeTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aDateAfterTheLastCoveredYearIsRefusedWithAnExplanation() {
        assertThatThrownBy(() -> calendar.isWorkingDay(date("2031-01-02")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2031-01-02")
                .hasMessageContaining("covers 2012 to 2030")
                .hasMessageContaining("saferkent.calendar.extra-holidays-file");
        assertThatThrownBy(() -> calendar.isBankHoliday(date("2031-12-25"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> calendar.holidayName(date("2031-12-25"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDateBeforeTheFirstCoveredYearIsRefusedToo() {
        assertThatThrownBy(() -> calendar.isWorkingDay(date("2011-12-30")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("covers 2012 to 2030");
    }

    @Test
    void theLastDaysOfTheDataStillAnswer() {
        assertThat(calendar.isWorkingDay(date("2030-12-31"))).isTrue();
        // Christmas 2030 is Wed and Thu: Fri 27, Mon 30 and Tue 31 December are the working days left
        assertThat(calendar.addWorkingDays(date("2030-12-24"), 3)).isEqualTo(date("2030-12-31"));
        assertThat(calendar.workingDaysBetween(date("2030-12-24"), date("2030-12-31"))).isEqualTo(3);
    }

    @Test
    void countingThatRunsPastTheDataIsRefused() {
        assertThatThrownBy(() -> calendar.addWorkingDays(date("2030-12-30"), 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2031-01-01");
        assertThatThrownBy(() -> calendar.workingDaysBetween(date("2030-12-01"), date("2031-01-05")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> calendar.deadline(Instant.parse("2030-12-31T10:00:00Z"), 1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void extraDataCoveringTheYearLiftsTheGuard() {
        WorkingDayCalendar extended = calendar.withHolidays(List.of(date("2031-01-01")));

        assertThat(extended.lastCoveredYear()).isEqualTo(2031);
        assertThat(extended.addWorkingDays(date("2030-12-30"), 2)).isEqualTo(date("2031-01-02"));
    }
}
