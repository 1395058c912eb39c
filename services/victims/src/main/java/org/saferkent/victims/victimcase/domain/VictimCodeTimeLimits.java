package org.saferkent.victims.victimcase.domain;

import java.time.Instant;
import java.util.List;

import org.saferkent.platform.workingdays.WorkingDayCalendar;

/**
 * The Victims' Code 2020 time limits a victims service checks, in working days from the
 * referral's routing to the service: first contact, and information about restorative justice — 1 working day for victims
 * entitled to enhanced rights, 5 for others (both configurable).
 */
public final class VictimCodeTimeLimits {

    private final WorkingDayCalendar calendar;
    private final int firstContactEnhanced;
    private final int firstContactStandard;
    private final int rjInformationEnhanced;
    private final int rjInformationStandard;

    public VictimCodeTimeLimits(WorkingDayCalendar calendar, int firstContactEnhanced, int firstContactStandard,
            int rjInformationEnhanced, int rjInformationStandard) {
        this.calendar = calendar;
        this.firstContactEnhanced = firstContactEnhanced;
        this.firstContactStandard = firstContactStandard;
        this.rjInformationEnhanced = rjInformationEnhanced;
        this.rjInformationStandard = rjInformationStandard;
    }

    public static VictimCodeTimeLimits victimsCode2020(WorkingDayCalendar calendar) {
        return new VictimCodeTimeLimits(calendar, 1, 5, 1, 5);
    }

    public List<VictimDuty> dutiesFrom(Instant openedAt, boolean enhanced) {
        return List.of(
                new VictimDuty(VictimDuty.FIRST_CONTACT,
                        calendar.deadline(openedAt, enhanced ? firstContactEnhanced : firstContactStandard), null, null),
                new VictimDuty(VictimDuty.RESTORATIVE_JUSTICE_INFORMATION,
                        calendar.deadline(openedAt, enhanced ? rjInformationEnhanced : rjInformationStandard), null, null));
    }
}
