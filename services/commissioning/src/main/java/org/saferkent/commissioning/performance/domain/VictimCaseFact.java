package org.saferkent.commissioning.performance.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A victim case as commissioning counts it.
 *
 * @param firstContactDueOn          when first contact was due (from the case's opening)
 * @param firstContactWithinTimeLimit for the first contact made: whether it met the time limit; null before
 * @param firstContactMissedDueOn    the due day of a missed first contact, or null
 * @param missedDueOn                the due day of every Victims' Code time limit missed on the case
 * @param outcome                    the latest outcome recorded, or null
 */
public record VictimCaseFact(String caseId, String district, String pathway, LocalDate openedOn,
        LocalDate firstContactDueOn, LocalDate firstContactMadeOn, Boolean firstContactWithinTimeLimit,
        LocalDate firstContactMissedDueOn, List<LocalDate> missedDueOn, VictimOutcomeFact outcome) {

    public VictimCaseFact {
        missedDueOn = List.copyOf(missedDueOn);
    }

    /** First contact fell due and was decided: made (in time or late) or missed. */
    public boolean firstContactDecided() {
        return firstContactWithinTimeLimit != null || firstContactMissedDueOn != null;
    }

    public boolean contactedWithinDeadline() {
        return Boolean.TRUE.equals(firstContactWithinTimeLimit) && firstContactMissedDueOn == null;
    }

    /** The day first contact counts on: when it was due. */
    public LocalDate firstContactCountsOn() {
        if (firstContactDueOn != null) {
            return firstContactDueOn;
        }
        return firstContactMissedDueOn != null ? firstContactMissedDueOn : firstContactMadeOn;
    }
}
