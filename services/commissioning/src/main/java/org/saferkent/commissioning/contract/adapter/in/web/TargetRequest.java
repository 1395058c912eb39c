package org.saferkent.commissioning.contract.adapter.in.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** {@code {"measure": "cope-and-recover-share", "target": 0.8, "amberWithin": 0.05}}; the ranges are the measure's. */
record TargetRequest(
        @OneOf(Vocabulary.MEASURE) String measure,
        @NotNull(message = "is required") BigDecimal target,
        @DecimalMin(value = "0", message = "must be 0 or more, within the measure's range") BigDecimal amberWithin) {
}
