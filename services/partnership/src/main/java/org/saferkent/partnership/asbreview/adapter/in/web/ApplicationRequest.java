package org.saferkent.partnership.asbreview.adapter.in.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.saferkent.partnership.web.KentDistricts;
import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;

import java.time.LocalDate;

/**
 * An ASB case review application: the district, when it was received, and how many complaints about the same problem
 * were made in the six months before it. No applicant's name or address: the service does not hold them.
 */
record ApplicationRequest(
        @NotBlank(message = "is required") @OneOf(value = KentDistricts.class, blank = Blank.ALLOWED) String district,
        @NotNull(message = "is required") @PastOrPresent(message = "must not be in the future") LocalDate receivedOn,
        @NotNull(message = "is required") @Min(value = 0, message = "must be from 0 to 10000")
        @Max(value = 10_000, message = "must be from 0 to 10000") Integer complaints) {
}
