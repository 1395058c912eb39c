package org.saferkent.platform.workingdays;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The England &amp; Wales bank holidays a year has by the standing rules (Banking and Financial Dealings
 * Act 1971 and the annual proclamations that follow its pattern), for the years the shipped gov.uk list
 * does not cover:
 * <ul>
 * <li>New Year's Day, 1 January, or the Monday after when it falls at a weekend;</li>
 * <li>Good Friday and Easter Monday, from Easter Sunday (the Gregorian computus);</li>
 * <li>the early May bank holiday, the first Monday of May; the spring bank holiday, the last Monday of
 * May; the summer bank holiday, the last Monday of August;</li>
 * <li>Christmas Day and Boxing Day, 25 and 26 December, each at a weekend moved to the next weekday not
 * already a holiday (Christmas on a Saturday: Monday 27 and Tuesday 28; on a Sunday: Boxing Day Monday
 * 26 and Christmas Tuesday 27; on a Friday: Boxing Day Monday 28).</li>
 * </ul>
 * One-off days (jubilees, a state funeral, a coronation) and moved May days are proclaimed, not ruled:
 * the shipped list is the authority for the years it covers; these rules only extend it.
 */
public final class EnglandAndWalesRules {

    private static final String SUBSTITUTE = " (substitute day)";

    private EnglandAndWalesRules() {
    }

    /** The year's bank holidays by the standing rules, by date, with the gov.uk titles. */
    public static NavigableMap<LocalDate, String> holidays(int year) {
        NavigableMap<LocalDate, String> days = new TreeMap<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        days.put(nextWeekday(newYear), isWeekend(newYear) ? "New Year's Day" + SUBSTITUTE : "New Year's Day");
        LocalDate easter = easterSunday(year);
        days.put(easter.minusDays(2), "Good Friday");
        days.put(easter.plusDays(1), "Easter Monday");
        days.put(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)),
                "Early May bank holiday");
        days.put(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                "Spring bank holiday");
        days.put(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                "Summer bank holiday");
        LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
        LocalDate boxingDay = christmas.plusDays(1);
        if (!isWeekend(christmas)) {
            days.put(christmas, "Christmas Day");
        }
        if (!isWeekend(boxingDay)) {
            days.put(boxingDay, "Boxing Day");
        }
        if (isWeekend(christmas)) {
            days.put(nextFreeWeekday(christmas, days), "Christmas Day" + SUBSTITUTE);
        }
        if (isWeekend(boxingDay)) {
            days.put(nextFreeWeekday(boxingDay, days), "Boxing Day" + SUBSTITUTE);
        }
        return Collections.unmodifiableNavigableMap(days);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate nextWeekday(LocalDate date) {
        LocalDate day = date;
        while (isWeekend(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** In Sunday-Christmas years Boxing Day holds Monday 26, so Christmas's substitute is Tuesday 27. */
    private static LocalDate nextFreeWeekday(LocalDate date, NavigableMap<LocalDate, String> taken) {
        LocalDate day = nextWeekday(date);
        while (taken.containsKey(day)) {
            day = nextWeekday(day.plusDays(1));
        }
        return day;
    }
}
