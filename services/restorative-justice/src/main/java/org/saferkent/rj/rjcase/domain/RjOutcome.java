package org.saferkent.rj.rjcase.domain;

import java.time.Instant;
import java.util.List;

/**
 * How the intervention ended: the ACPO check, the agreement and whether it was completed, and the
 * victim's view (satisfaction 1–5, would recommend), when the victim gave one.
 *
 * @param restorative true only when all four ACPO standards are met
 * @param acpoNotMet  the standards not met, by field name
 */
public record RjOutcome(AcpoStandards acpo, boolean restorative, List<String> acpoNotMet, Agreement agreement,
        AgreementResult result, Integer victimSatisfaction, Boolean wouldRecommend, Instant recordedAt) {

    public RjOutcome {
        acpoNotMet = acpoNotMet == null ? List.of() : List.copyOf(acpoNotMet);
    }

    /** Satisfied: 4 or 5 on the five-point scale (the benchmark is 85% satisfied). */
    public Boolean victimSatisfied() {
        return victimSatisfaction == null ? null : victimSatisfaction >= 4;
    }
}
