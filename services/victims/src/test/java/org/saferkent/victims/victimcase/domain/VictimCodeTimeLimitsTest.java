package org.saferkent.victims.victimcase.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.workingdays.WorkingDayCalendar;

/**
 * Victims' Code 2020 time limits counted in England & Wales working days from the case's opening:
 * a deadline is the end of the Nth working day (London time), so it is met before midnight.
 */
class VictimCodeTimeLimitsTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    private final VictimCodeTimeLimits limits = VictimCodeTimeLimits.victimsCode2020(CALENDAR);

    @Test
    void anEnhancedVictimIsContactedWithinOneWorkingDay() {
        Instant mondayMorning = Instant.parse("2026-11-30T09:00:00Z");

        assertThat(due(mondayMorning, true, VictimDuty.FIRST_CONTACT)).isEqualTo("2026-12-02T00:00:00Z"); // end of Tue 1 Dec
    }

    @Test
    void aStandardVictimIsContactedWithinFiveWorkingDays() {
        Instant mondayMorning = Instant.parse("2026-11-30T09:00:00Z");

        assertThat(due(mondayMorning, false, VictimDuty.FIRST_CONTACT)).isEqualTo("2026-12-08T00:00:00Z"); // end of Mon 7 Dec
    }

    @Test
    void restorativeJusticeInformationHasTheSameLimitsAsFirstContact() {
        Instant mondayMorning = Instant.parse("2026-11-30T09:00:00Z");

        assertThat(due(mondayMorning, true, VictimDuty.RESTORATIVE_JUSTICE_INFORMATION)).isEqualTo("2026-12-02T00:00:00Z");
        assertThat(due(mondayMorning, false, VictimDuty.RESTORATIVE_JUSTICE_INFORMATION)).isEqualTo("2026-12-08T00:00:00Z");
    }

    @Test
    void aCaseOpenedOnAFridayEveningIsDueAtTheEndOfMonday() {
        Instant fridayEvening = Instant.parse("2026-12-04T23:30:00Z");

        assertThat(due(fridayEvening, true, VictimDuty.FIRST_CONTACT)).isEqualTo("2026-12-08T00:00:00Z");
    }

    @Test
    void christmas2026OneWorkingDayFromChristmasEveIsTheEndOfTuesday29December() {
        // Thu 24 Dec; Fri 25 Christmas Day, Mon 28 Boxing Day (substitute): Tue 29 is the first working day
        Instant christmasEve = Instant.parse("2026-12-24T10:00:00Z");

        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-12-28"))).isFalse();
        assertThat(due(christmasEve, true, VictimDuty.FIRST_CONTACT)).isEqualTo("2026-12-30T00:00:00Z");
        assertThat(due(christmasEve, true, VictimDuty.RESTORATIVE_JUSTICE_INFORMATION)).isEqualTo("2026-12-30T00:00:00Z");
    }

    @Test
    void christmas2026FiveWorkingDaysFromChristmasEveSkipNewYearsDay() {
        // working days after Thu 24 Dec: Tue 29, Wed 30, Thu 31 Dec, (Fri 1 Jan New Year's Day), Mon 4, Tue 5 Jan
        Instant christmasEve = Instant.parse("2026-12-24T10:00:00Z");

        assertThat(CALENDAR.addWorkingDays(LocalDate.parse("2026-12-24"), 4)).isEqualTo("2027-01-04");
        assertThat(CALENDAR.addWorkingDays(LocalDate.parse("2026-12-24"), 5)).isEqualTo("2027-01-05");
        assertThat(due(christmasEve, false, VictimDuty.FIRST_CONTACT)).isEqualTo("2027-01-06T00:00:00Z");
    }

    @Test
    void easter2027OneWorkingDayFromMaundyThursdayIsTheEndOfTuesday30March() {
        // Fri 26 Mar Good Friday, Mon 29 Mar Easter Monday; British Summer Time starts on Sun 28 Mar
        Instant maundyThursday = Instant.parse("2027-03-25T10:00:00Z");

        assertThat(due(maundyThursday, true, VictimDuty.FIRST_CONTACT)).isEqualTo("2027-03-30T23:00:00Z"); // midnight BST
    }

    @Test
    void theDayCountedIsTheLondonDayTheCaseOpened() {
        // 23:30 UTC on Friday 4 June 2027 is already Saturday in London (BST)
        Instant saturdayInLondon = Instant.parse("2027-06-04T23:30:00Z");

        assertThat(due(saturdayInLondon, true, VictimDuty.FIRST_CONTACT)).isEqualTo("2027-06-07T23:00:00Z"); // end of Mon 7 June
    }

    @Test
    void theWorkingDaysAreConfigurable() {
        VictimCodeTimeLimits tighter = new VictimCodeTimeLimits(CALENDAR, 1, 2, 1, 3);
        Instant mondayMorning = Instant.parse("2026-11-30T09:00:00Z");

        assertThat(tighter.dutiesFrom(mondayMorning, false)).extracting(VictimDuty::dueAt)
                .containsExactly(Instant.parse("2026-12-03T00:00:00Z"), Instant.parse("2026-12-04T00:00:00Z"));
    }

    private Instant due(Instant openedAt, boolean enhanced, String duty) {
        return limits.dutiesFrom(openedAt, enhanced).stream().filter(d -> d.name().equals(duty)).findFirst().orElseThrow().dueAt();
    }
}
