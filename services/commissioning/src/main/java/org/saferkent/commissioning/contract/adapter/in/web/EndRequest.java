package org.saferkent.commissioning.contract.adapter.in.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.saferkent.platform.service.IsoDate;

/** The contract ends early: its last day and why. */
record EndRequest(
        @NotBlank(message = "is required") @IsoDate String endDate,
        @NotBlank(message = "is required") @Size(max = ContractTermRules.MAX_REASON, message = "must be at most {max} characters")
        String reason) {
}
