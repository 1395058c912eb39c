package org.saferkent.commissioning.contract.domain;

import java.time.LocalDate;
import java.util.List;

/** What a variation changes; null leaves a term as it is. */
public record ContractVariation(Long valuePence, List<String> districts, LocalDate periodEnd, List<TargetTerms> targets,
        String reason) {
}
