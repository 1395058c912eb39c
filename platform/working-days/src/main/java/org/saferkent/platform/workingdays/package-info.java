/**
 * Working days in England &amp; Wales for SaferKent's statutory clocks (Victims' Code 2020 and referral
 * time limits): {@link org.saferkent.platform.workingdays.WorkingDayCalendar}, and its Spring Boot
 * auto-configuration.
 */
package org.saferkent.platform.workingdays;
