package org.saferkent.rj.rjcase.adapter.in.web;

import java.util.TreeSet;

import org.saferkent.rj.rjcase.domain.AcpoStandards;
import org.saferkent.rj.rjcase.domain.Agreement;
import org.saferkent.rj.rjcase.domain.AgreementResult;
import org.saferkent.rj.rjcase.domain.OutcomeReport;
import org.saferkent.rj.web.FieldChecks;

/**
 * The facilitator's report at the end: each ACPO standard asserted true or false, the agreement,
 * completed or failed, and the victim's satisfaction (1–5) and whether they would recommend it.
 */
record OutcomeRequest(AcpoRequest acpo, AgreementRequest agreement, String result, Integer victimSatisfaction,
        Boolean wouldRecommend) {

    record AcpoRequest(Boolean offenderTakesResponsibility, Boolean victimOrAffectedPartyInvolved, Boolean structuredProcess,
            Boolean reparation) {
    }

    record AgreementRequest(Boolean apology, String reparationType, Integer reparationHours, String otherTerms) {
    }

    OutcomeReport validate() {
        FieldChecks checks = new FieldChecks();
        if (checks.required("acpo", acpo)) {
            // ACPO RJ minimum standards (2012): each is asserted, true or false
            checks.required("acpo.offenderTakesResponsibility", acpo.offenderTakesResponsibility());
            checks.required("acpo.victimOrAffectedPartyInvolved", acpo.victimOrAffectedPartyInvolved());
            checks.required("acpo.structuredProcess", acpo.structuredProcess());
            checks.required("acpo.reparation", acpo.reparation());
        }
        if (checks.required("agreement", agreement)) {
            checks.required("agreement.apology", agreement.apology());
            String type = agreement.reparationType();
            if (checks.required("agreement.reparationType", type) && !Agreement.REPARATION_TYPES.contains(type)) {
                checks.add("agreement.reparationType", "must be one of " + new TreeSet<>(Agreement.REPARATION_TYPES));
            }
            if (Agreement.WORK.contains(type)) {
                checks.range("agreement.reparationHours", agreement.reparationHours(), 1, 1_000,
                        ": reparation work is counted in hours");
            } else if (agreement.reparationHours() != null) {
                checks.add("agreement.reparationHours", "applies only to reparation work (direct or community)");
            }
            checks.maxLength("agreement.otherTerms", agreement.otherTerms(), 2_000);
        }
        AgreementResult validResult = checks.code("result", result, AgreementResult.class);
        if (victimSatisfaction != null && (victimSatisfaction < 1 || victimSatisfaction > 5)) {
            checks.add("victimSatisfaction", "must be 1 to 5");
        }
        checks.throwIfAny();
        return new OutcomeReport(
                new AcpoStandards(acpo.offenderTakesResponsibility(), acpo.victimOrAffectedPartyInvolved(),
                        acpo.structuredProcess(), acpo.reparation()),
                new Agreement(agreement.apology(), agreement.reparationType(), agreement.reparationHours(), agreement.otherTerms()),
                validResult, victimSatisfaction, wouldRecommend);
    }
}
