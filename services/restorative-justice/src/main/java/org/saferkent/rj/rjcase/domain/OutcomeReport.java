package org.saferkent.rj.rjcase.domain;

/** What the facilitator reports at the end of the intervention. */
public record OutcomeReport(AcpoStandards acpo, Agreement agreement, AgreementResult result, Integer victimSatisfaction,
        Boolean wouldRecommend) {
}
