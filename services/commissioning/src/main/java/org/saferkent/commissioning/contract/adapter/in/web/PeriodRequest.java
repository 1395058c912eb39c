package org.saferkent.commissioning.contract.adapter.in.web;

import jakarta.validation.constraints.NotBlank;
import org.saferkent.platform.service.IsoDate;

/** {@code {"start": "2026-04-01", "end": "2029-03-31"}}: first and last day, both included. */
record PeriodRequest(
        @NotBlank(message = "is required") @IsoDate String start,
        @NotBlank(message = "is required") @IsoDate String end) {
}
