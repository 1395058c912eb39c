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
 * A commissioned service to register. The value is GBP: {@code value} as a decimal (at most two
 * places) or {@code valuePence} as a whole number, not both. {@code districtShares}, optional: each
 * district's share of the value (summing to 1, or 100 as percentages); without it the districts share
 * it equally.
 */
record RegistrationRequest(
        @NotBlank(message = "is required") @Size(max = ContractTermRules.MAX_NAME, message = "must be at most {max} characters")
        String provider,
        @NotBlank(message = "is required") @Size(max = ContractTermRules.MAX_NAME, message = "must be at most {max} characters")
        String service,
        @OneOrMoreOf(Vocabulary.PATHWAY) List<@OneOf(Vocabulary.PATHWAY) String> pathways,
        @OneOrMoreOf(Vocabulary.DISTRICT) List<@OneOf(Vocabulary.DISTRICT) String> districts,
        @NotNull(message = "is required: \\{start, end\\}") @Valid PeriodRequest period,
        @Pounds BigDecimal value,
        @Min(value = 0, message = ContractTermRules.PENCE) @Max(value = ContractTermRules.MAX_PENCE, message = ContractTermRules.PENCE)
        Long valuePence,
        List<@NotNull(message = "is required") @Valid TargetRequest> targets,
        Map<String, BigDecimal> districtShares) {
}
