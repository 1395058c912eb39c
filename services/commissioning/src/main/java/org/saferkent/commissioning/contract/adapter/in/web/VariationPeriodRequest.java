package org.saferkent.commissioning.contract.adapter.in.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Null;
import org.saferkent.platform.service.IsoDate;

/** {@code {"end": "2030-03-31"}}: a variation moves the last day only. */
record VariationPeriodRequest(
        @Null(message = "cannot be varied") String start,
        @NotBlank(message = "is required") @IsoDate String end) {
}
