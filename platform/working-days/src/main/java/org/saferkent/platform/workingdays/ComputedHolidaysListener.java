package org.saferkent.platform.workingdays;

/**
 * Told, once per calendar and year, that the {@link WorkingDayCalendar} answered for a year its holiday
 * list does not cover, from the standing rules ({@link EnglandAndWalesRules}): right for an ordinary
 * year, blind to a holiday proclaimed for it. Someone should add that year's gov.uk list to the file
 * named by {@code saferkent.calendar.extra-holidays-file}. Called on the thread that asked, so it must
 * be quick and must not throw (what it throws is logged and dropped: a deadline is never refused for it).
 */
@FunctionalInterface
public interface ComputedHolidaysListener {

    /**
     * @param year             the year answered from the rules
     * @param firstListedYear  the first year of the holiday list
     * @param lastListedYear   the last year of the holiday list
     */
    void runningOnComputedHolidays(int year, int firstListedYear, int lastListedYear);
}
