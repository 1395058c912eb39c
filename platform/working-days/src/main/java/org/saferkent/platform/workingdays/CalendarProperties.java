package org.saferkent.platform.workingdays;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code saferkent.calendar.*}.
 *
 * @param extraHolidaysFile an operator's CSV of extra non-working days ({@code date,title,basis}; title
 *        and basis optional), added to the bundled England &amp; Wales list: a newly proclaimed bank
 *        holiday, or the years after the bundled data ends. Unset: the bundled list alone.
 */
@Validated
@ConfigurationProperties("saferkent.calendar")
public record CalendarProperties(Path extraHolidaysFile) {
}
