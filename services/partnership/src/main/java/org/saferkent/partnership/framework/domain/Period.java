package org.saferkent.partnership.framework.domain;

import java.time.LocalDate;

/**
 * The period a measure is read for: a calendar year (January to December) or a financial year (April to March, named
 * by the year it starts: financial year 2026 is 1 April 2026 to 31 March 2027). {@code field} is the facts' field that
 * holds it.
 */
public record Period(boolean financial, int year) {

    public static Period calendar(int year) {
        return new Period(false, year);
    }

    public static Period financialYear(int year) {
        return new Period(true, year);
    }

    public String field() {
        return financial ? "financialYear" : "year";
    }

    public LocalDate from() {
        return financial ? LocalDate.of(year, 4, 1) : LocalDate.of(year, 1, 1);
    }

    /** The day after the period's last. */
    public LocalDate until() {
        return from().plusYears(1);
    }

    public Period previous() {
        return new Period(financial, year - 1);
    }
}
