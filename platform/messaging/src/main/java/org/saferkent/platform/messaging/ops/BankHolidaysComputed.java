package org.saferkent.platform.messaging.ops;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * A service counted working days in a year its England &amp; Wales bank-holiday list does not cover, so
 * it is running on the standing rules for that year (right for an ordinary year, blind to any one-off
 * holiday proclaimed for it). Nothing failed; someone should add the year's gov.uk list to
 * {@code saferkent.calendar.extra-holidays-file}. Reported once per service instance and year. Key and
 * subject: {@code <service>/bank-holidays/<year>}. No personal data.
 *
 * @param firstListedYear the first year of the list in use
 * @param lastListedYear  the last year of the list in use
 * @param firstUsedAt     when the instance first answered for the year from the rules
 */
@EventType("ops.BankHolidaysComputed.v1")
public record BankHolidaysComputed(String service, String instance, int year, int firstListedYear, int lastListedYear,
        Instant firstUsedAt) {
}
