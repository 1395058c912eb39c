package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.saferkent.partnership.vocabulary.Agencies;
import org.saferkent.partnership.web.AgencyCode;
import org.saferkent.platform.service.RequestProblems;

/**
 * The panel: its chair ({@code chair.name}, and {@code chair.agency}: the organisation they come from, or
 * {@code independent}) and the agencies sitting on it.
 */
record PanelRequest(
        @NotNull(message = "is required") @Valid Chair chair,
        @NotEmpty(message = "must name at least one agency")
        @Size(max = NotificationRequest.MAX_AGENCIES, message = "must name at most {max} agencies")
        List<@AgencyCode String> panelAgencies,
        @NotNull(message = "is required") @PastOrPresent(message = "must not be in the future") LocalDate convenedOn) {

    record Chair(
            @NotBlank(message = "is required") @Size(max = NotificationRequest.MAX_NAME, message = "must be at most {max} characters")
            String name,
            @NotBlank(message = "is required") String agency) {
    }

    void validate(RequestProblems problems) {
        if (chair != null && problems.isValid("chair.agency") && !Agencies.INDEPENDENT.equals(chair.agency())
                && !Agencies.isKnown(chair.agency())) {
            problems.add("chair.agency", "must be a known agency code or independent");
        }
    }
}
