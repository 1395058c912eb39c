package org.saferkent.commissioning.contract.adapter.in.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A variation: the terms to change (value or valuePence, districts, period.end, targets; the rest
 * stays) and why. Targets, when given, replace the contract's targets; districtShares, the shares
 * (required with new districts when the contract has shares).
 */
record VariationRequest(
        @Pounds BigDecimal value,
        @Min(value = 0, message = ContractTermRules.PENCE) @Max(value = ContractTermRules.MAX_PENCE, message = ContractTermRules.PENCE)
        Long valuePence,
        @OneOrMoreOf(value = Vocabulary.DISTRICT, whenGiven = true) List<@OneOf(Vocabulary.DISTRICT) String> districts,
        @Valid VariationPeriodRequest period,
        List<@NotNull(message = "is required") @Valid TargetRequest> targets,
        @NotBlank(message = "is required") @Size(max = ContractTermRules.MAX_REASON, message = "must be at most {max} characters")
        String reason,
        Map<String, BigDecimal> districtShares) {

    /** Whether it names any term to vary. */
    boolean namesATerm() {
        return value != null || valuePence != null || districts != null || period != null || targets != null
                || districtShares != null;
    }
}
