package org.saferkent.platform.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** An operator's list of extra days: a proclaimed one-off, or the years after the bundled data. */
class ExtraHolidaysTest {

    private final WorkingDayCalendar bundled = WorkingDayCalendar.englandAndWales();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private WorkingDayCalendar extended(String csv) {
        return bundled.withHolidaysFrom(new StringReader(csv));
    }

    @Test
    void anOperatorsProclaimedHolidayMovesADeadline() {
        WorkingDayCalendar calendar = extended("""
                date,title,basis
                2026-06-16,Bank holiday for a proclaimed occasion,one-off or moved by proclamation
                """);

        assertThat(bundled.addWorkingDays(date("2026-06-15"), 1)).isEqualTo(date("2026-06-16"));
        assertThat(calendar.addWorkingDays(date("2026-06-15"), 1)).isEqualTo(date("2026-06-17"));
        assertThat(calendar.deadline(Instant.parse("2026-06-15T09:00:00Z"), 1))
                .as("due Wed 17 June, so before midnight BST").isEqualTo(Instant.parse("2026-06-17T23:00:00Z"));
        assertThat(calendar.holidayName(date("2026-06-16"))).contains("Bank holiday for a proclaimed occasion");
    }

    @Test
    void extendingLeavesTheOriginalCalendarUnchanged() {
        WorkingDayCalendar calendar = bundled.withHolidays(List.of(date("2026-06-16")));

        assertThat(calendar.isWorkingDay(date("2026-06-16"))).isFalse();
        assertThat(bundled.isWorkingDay(date("2026-06-16"))).isTrue();
        assertThat(calendar.holidayName(date("2026-06-16"))).contains(WorkingDayCalendar.UNNAMED_HOLIDAY);
    }

    @Test
    void titleAndBasisAreOptionalAndTheHeaderToo() {
        WorkingDayCalendar datesOnly = extended("""
                2026-06-16
                2026-06-17,
                """);
        WorkingDayCalendar dateColumnOnly = extended("date\n2026-06-16\n");

        assertThat(datesOnly.isBankHoliday(date("2026-06-16"))).isTrue();
        assertThat(datesOnly.holidayName(date("2026-06-17"))).contains(WorkingDayCalendar.UNNAMED_HOLIDAY);
        assertThat(dateColumnOnly.isBankHoliday(date("2026-06-16"))).isTrue();
    }

    @Test
    void commentsBlankLinesQuotedCommasAndAByteOrderMarkAreAccepted() {
        WorkingDayCalendar calendar = extended("""
                \uFEFFdate,title,basis
                # proclaimed 1 March 2026

                2026-06-16,"Jubilee, day one",one-off or moved by proclamation
                2026-06-17 , "The ""second"" day" ,
                """);

        assertThat(calendar.holidayName(date("2026-06-16"))).contains("Jubilee, day one");
        assertThat(calendar.holidayName(date("2026-06-17"))).contains("The \"second\" day");
    }

    @Test
    void anUntitledExtraDayThatIsAlreadyABankHolidayKeepsItsName() {
        WorkingDayCalendar calendar = bundled.withHolidays(List.of(date("2026-12-25")));

        assertThat(calendar.holidayName(date("2026-12-25"))).contains("Christmas Day");
    }

    @Test
    void aNextYearsListExtendsTheCoveredRange() {
        WorkingDayCalendar calendar = extended("""
                date,title,basis
                2031-01-01,New Year's Day,standard rules
                2031-04-11,Good Friday,standard rules
                2031-04-14,Easter Monday,standard rules
                2031-05-05,Early May bank holiday,standard rules
                2031-05-26,Spring bank holiday,standard rules
                2031-08-25,Summer bank holiday,standard rules
                2031-12-25,Christmas Day,standard rules
                2031-12-26,Boxing Day,standard rules
                """);

        assertThat(calendar.lastCoveredYear()).isEqualTo(2031);
        assertThat(calendar.addWorkingDays(date("2030-12-31"), 1)).isEqualTo(date("2031-01-02"));
        assertThat(calendar.addWorkingDays(date("2031-04-10"), 1)).isEqualTo(date("2031-04-15"));
    }

    @Test
    void aMalformedDateIsRefusedNamingTheLineAndTheValue() {
        assertThatThrownBy(() -> extended("""
                date,title,basis
                2026-06-16,Fine,one-off or moved by proclamation
                2026-13-01,Bad month,one-off or moved by proclamation
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 3: ")
                .hasMessageContaining("'2026-13-01' is not a date");
    }

    @Test
    void anImpossibleDayOfTheMonthIsRefusedNotRoundedDown() {
        assertThatThrownBy(() -> extended("2027-02-29,Not a leap year\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 1: '2027-02-29' is not a date");
    }

    @Test
    void anUnquotedCommaInATitleIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> extended("""
                date,title,basis
                2026-06-16,Jubilee, day one,one-off or moved by proclamation
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 2: expected at most 3 fields");
    }

    @Test
    void aRowWithoutADateAnUnknownColumnOrAnOpenQuoteIsRefused() {
        assertThatThrownBy(() -> extended("date,title\n,Nameless\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("line 2: no date");
        assertThatThrownBy(() -> extended("date,name\n2026-06-16,Jubilee\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line 1: unexpected column 'name'");
        assertThatThrownBy(() -> extended("\n2026-06-16,\"Jubilee\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("line 2: a quoted field is not closed");
    }

    @Test
    void aCalendarBuiltFromAListWithNoDatesIsRefused() {
        assertThatThrownBy(() -> WorkingDayCalendar.fromCsv(new StringReader("date,title,basis\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void aCalendarCanBeBuiltFromItsOwnList() {
        WorkingDayCalendar calendar = WorkingDayCalendar.fromCsv(new StringReader("""
                date,title,basis
                2040-01-02,Something,one-off or moved by proclamation
                """));

        assertThat(calendar.firstCoveredYear()).isEqualTo(2040);
        assertThat(calendar.lastCoveredYear()).isEqualTo(2040);
        assertThat(calendar.addWorkingDays(date("2040-01-01"), 1)).as("Sunday, then the listed Monday")
                .isEqualTo(date("2040-01-03"));
    }
}
