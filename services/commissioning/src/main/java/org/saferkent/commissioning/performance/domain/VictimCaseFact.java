package org.saferkent.commissioning.performance.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A victim case as commissioning counts it.
 *
 * @param pathways                   the pathways it serves: the one it was opened on and any other
 *                                   victims pathway its referral was routed to (victim support and
 *                                   domestic abuse: still one case); empty before its opening arrives
 * @param firstContactDueOn          when first contact was due (from the case's opening)
 * @param firstContactMadeOn         when contact was first made with the victim, or null
 * @param firstContactWithinTimeLimit for the first contact made: whether it met the time limit; null before
 * @param firstContactMissedDueOn    the due day of a missed first contact, or null
 * @param missedDueOn                the due day of every Victims' Code time limit missed on the case
 * @param outcome                    the latest outcome recorded, or null
 * @param needsAssessedOn            the first day the victim's needs were assessed, or null
 * @param supportPlanAgreedOn        the first day a support plan was agreed, or null
 * @param closeReason                why it was closed ({@code declined-support}, {@code unable-to-contact}, ...), or null
 * @param closedOn                   when it was closed, or null
 */
public record VictimCaseFact(String caseId, String district, Set<String> pathways, LocalDate openedOn,
        LocalDate firstContactDueOn, LocalDate firstContactMadeOn, Boolean firstContactWithinTimeLimit,
        LocalDate firstContactMissedDueOn, List<LocalDate> missedDueOn, VictimOutcomeFact outcome, LocalDate needsAssessedOn,
        LocalDate supportPlanAgreedOn, String closeReason, LocalDate closedOn) {

    public static final String DECLINED_SUPPORT = "declined-support";
    public static final String UNABLE_TO_CONTACT = "unable-to-contact";

    public VictimCaseFact {
        pathways = pathways == null ? Set.of() : Set.copyOf(pathways);
        missedDueOn = List.copyOf(missedDueOn);
    }

    /** A case of pathways {@code pathways} without what support delivered and closure tell. */
    public VictimCaseFact(String caseId, String district, Set<String> pathways, LocalDate openedOn, LocalDate firstContactDueOn,
            LocalDate firstContactMadeOn, Boolean firstContactWithinTimeLimit, LocalDate firstContactMissedDueOn,
            List<LocalDate> missedDueOn, VictimOutcomeFact outcome) {
        this(caseId, district, pathways, openedOn, firstContactDueOn, firstContactMadeOn, firstContactWithinTimeLimit,
                firstContactMissedDueOn, missedDueOn, outcome, null, null, null, null);
    }

    /** A case of one pathway (none when null) without what support delivered and closure tell. */
    public VictimCaseFact(String caseId, String district, String pathway, LocalDate openedOn, LocalDate firstContactDueOn,
            LocalDate firstContactMadeOn, Boolean firstContactWithinTimeLimit, LocalDate firstContactMissedDueOn,
            List<LocalDate> missedDueOn, VictimOutcomeFact outcome) {
        this(caseId, district, pathway == null ? Set.of() : Set.of(pathway), openedOn, firstContactDueOn, firstContactMadeOn,
                firstContactWithinTimeLimit, firstContactMissedDueOn, missedDueOn, outcome);
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

    /**
     * The day support was delivered, or null: contact was made and the victim's needs assessed or a
     * support plan agreed; it counts on the day both were true (the later of the contact and the
     * first of assessment and plan). A case merely opened, or contacted only, was not supported.
     */
    public LocalDate supportDeliveredOn() {
        if (firstContactMadeOn == null) {
            return null;
        }
        LocalDate support = needsAssessedOn;
        if (supportPlanAgreedOn != null && (support == null || supportPlanAgreedOn.isBefore(support))) {
            support = supportPlanAgreedOn;
        }
        if (support == null) {
            return null;
        }
        return support.isAfter(firstContactMadeOn) ? support : firstContactMadeOn;
    }

    /** The day it was closed because the victim declined support, or null. */
    public LocalDate declinedOn() {
        return DECLINED_SUPPORT.equals(closeReason) ? closedOn : null;
    }

    /** The day it was closed because the victim could not be contacted, or null. */
    public LocalDate unableToContactOn() {
        return UNABLE_TO_CONTACT.equals(closeReason) ? closedOn : null;
    }
}
