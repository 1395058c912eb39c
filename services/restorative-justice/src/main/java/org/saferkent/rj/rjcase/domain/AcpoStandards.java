package org.saferkent.rj.rjcase.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The ACPO restorative justice minimum standards (2012): a disposal is restorative only if all four
 * hold. Each is asserted by the facilitator; anything not asserted true is not met.
 *
 * @param offenderTakesResponsibility    the offender takes responsibility for the harm
 * @param victimOrAffectedPartyInvolved the victim, the community or another affected party is involved
 * @param structuredProcess             a structured process established what happened and its impact
 * @param reparation                    the outcome repairs the harm or makes reparation
 */
public record AcpoStandards(Boolean offenderTakesResponsibility, Boolean victimOrAffectedPartyInvolved,
        Boolean structuredProcess, Boolean reparation) {

    /** The standards not met, by field name, in the standards' order. */
    public List<String> notMet() {
        List<String> missing = new ArrayList<>();
        if (!Boolean.TRUE.equals(offenderTakesResponsibility)) {
            missing.add("offenderTakesResponsibility");
        }
        if (!Boolean.TRUE.equals(victimOrAffectedPartyInvolved)) {
            missing.add("victimOrAffectedPartyInvolved");
        }
        if (!Boolean.TRUE.equals(structuredProcess)) {
            missing.add("structuredProcess");
        }
        if (!Boolean.TRUE.equals(reparation)) {
            missing.add("reparation");
        }
        return List.copyOf(missing);
    }

    public boolean restorative() {
        return notMet().isEmpty();
    }
}
