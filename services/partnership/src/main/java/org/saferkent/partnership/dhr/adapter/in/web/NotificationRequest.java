package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.saferkent.partnership.dhr.application.PersonalDetails;
import org.saferkent.partnership.web.AgencyCode;
import org.saferkent.partnership.web.KentDistricts;
import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;

/**
 * A death notified to the partnership. {@code agenciesInvolved} by agency code. The personal details
 * ({@code victimName}, {@code perpetratorName}, {@code dateOfDeath}) are optional and stay in the service, sealed.
 */
record NotificationRequest(
        @NotBlank(message = "is required") @OneOf(value = KentDistricts.class, blank = Blank.ALLOWED) String district,
        @NotNull(message = "is required") @PastOrPresent(message = "must not be in the future") LocalDate notifiedOn,
        @NotEmpty(message = "must name at least one agency") @Size(max = MAX_AGENCIES, message = "must name at most {max} agencies")
        List<@AgencyCode String> agenciesInvolved,
        @Size(max = MAX_NAME, message = "must be at most {max} characters") String victimName,
        @Size(max = MAX_NAME, message = "must be at most {max} characters") String perpetratorName,
        @PastOrPresent(message = "must not be in the future") LocalDate dateOfDeath) {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 500;
    static final int MAX_AGENCIES = 40;

    PersonalDetails personalDetails() {
        return new PersonalDetails(blankToNull(victimName), blankToNull(perpetratorName), dateOfDeath);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
