package org.saferkent.rj.rjcase.adapter.in.web;

import java.util.TreeSet;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.rj.rjcase.domain.AcpoStandards;
import org.saferkent.rj.rjcase.domain.Agreement;
import org.saferkent.rj.rjcase.domain.AgreementResult;
import org.saferkent.rj.rjcase.domain.OutcomeReport;
import org.saferkent.rj.vocabulary.Codes;

/**
 * The facilitator's report at the end: each ACPO standard asserted true or false, the agreement,
 * completed or failed, and the victim's satisfaction (1–5) and whether they would recommend it.
 */
record OutcomeRequest(
        @NotNull(message = "is required") @Valid AcpoRequest acpo,
        @NotNull(message = "is required") @Valid AgreementRequest agreement,
        @NotBlank(message = "is required") @OneOf(value = AgreementResult.class, blank = Blank.ALLOWED) String result,
        @Min(value = 1, message = "must be 1 to 5") @Max(value = 5, message = "must be 1 to 5") Integer victimSatisfaction,
        Boolean wouldRecommend) {

    /** ACPO RJ minimum standards (2012): each is asserted, true or false. */
    record AcpoRequest(
            @NotNull(message = "is required") Boolean offenderTakesResponsibility,
            @NotNull(message = "is required") Boolean victimOrAffectedPartyInvolved,
            @NotNull(message = "is required") Boolean structuredProcess,
            @NotNull(message = "is required") Boolean reparation) {
    }

    record AgreementRequest(
            @NotNull(message = "is required") Boolean apology,
            @NotBlank(message = "is required") String reparationType,
            Integer reparationHours,
            @Size(max = 2_000, message = "must be at most {max} characters") String otherTerms) {
    }

    OutcomeReport validate(Validator validator) {
        RequestProblems problems = RequestProblems.of(validator, this);
        if (agreement != null) {
            String type = agreement.reparationType();
            if (problems.isValid("agreement.reparationType") && !Agreement.REPARATION_TYPES.contains(type)) {
                problems.add("agreement.reparationType", "must be one of " + new TreeSet<>(Agreement.REPARATION_TYPES));
            }
            // hours count reparation work only: which rule applies depends on the type
            Integer hours = agreement.reparationHours();
            if (type != null && Agreement.WORK.contains(type)) {
                if (hours == null) {
                    problems.add("agreement.reparationHours", "is required");
                } else if (hours < 1 || hours > 1_000) {
                    problems.add("agreement.reparationHours", "must be 1 to 1000: reparation work is counted in hours");
                }
            } else if (hours != null) {
                problems.add("agreement.reparationHours", "applies only to reparation work (direct or community)");
            }
        }
        problems.throwIfAny();
        return new OutcomeReport(
                new AcpoStandards(acpo.offenderTakesResponsibility(), acpo.victimOrAffectedPartyInvolved(),
                        acpo.structuredProcess(), acpo.reparation()),
                new Agreement(agreement.apology(), agreement.reparationType(), agreement.reparationHours(), agreement.otherTerms()),
                Codes.parse(AgreementResult.class, result).orElseThrow(), victimSatisfaction, wouldRecommend);
    }
}
