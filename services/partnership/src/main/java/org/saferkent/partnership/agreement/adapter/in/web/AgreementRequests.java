package org.saferkent.partnership.agreement.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.saferkent.partnership.agreement.application.CommunitySafetyAgreements;
import org.saferkent.partnership.web.AgencyCode;

/** What the agreement's API accepts (tolerant: unknown fields are ignored). */
final class AgreementRequests {

    /** Priority and theme codes: lower-case words joined by hyphens (what events carry; never free text). */
    static final String CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String NOT_A_CODE = "must be a code: lower-case words joined by hyphens";
    static final int MAX_CODE = 60;
    static final int MAX_LIST = 40;
    static final String YEAR = "must be a year from " + CommunitySafetyAgreements.FIRST_YEAR;

    private AgreementRequests() {
    }

    record PriorityRequest(
            @NotBlank(message = "is required") @Size(max = MAX_CODE, message = "must be at most {max} characters")
            @Pattern(regexp = CODE, message = NOT_A_CODE) String code,
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most {max} characters") String title) {
    }

    /** A year's draft: its priorities (code and title) and cross-cutting themes (codes). */
    record DraftRequest(
            @NotNull(message = "is required") @Min(value = CommunitySafetyAgreements.FIRST_YEAR, message = YEAR)
            @Max(value = 2100, message = YEAR) Integer year,
            @NotEmpty(message = "must name at least one priority") @Size(max = MAX_LIST, message = "must be at most {max}")
            List<@NotNull(message = "is required") @Valid PriorityRequest> priorities,
            @Size(max = MAX_LIST, message = "must be at most {max}")
            List<@NotBlank(message = "is required") @Size(max = MAX_CODE, message = "must be at most {max} characters")
                    @Pattern(regexp = CODE, message = NOT_A_CODE) String> themes) {
    }

    /** The next year's: new priorities and themes, or none to keep this year's. */
    record RefreshRequest(
            @Size(max = MAX_LIST, message = "must be at most {max}")
            List<@NotNull(message = "is required") @Valid PriorityRequest> priorities,
            @Size(max = MAX_LIST, message = "must be at most {max}")
            List<@NotBlank(message = "is required") @Size(max = MAX_CODE, message = "must be at most {max} characters")
                    @Pattern(regexp = CODE, message = NOT_A_CODE) String> themes) {
    }

    record AgreeRequest(@NotNull(message = "is required") @PastOrPresent(message = "must not be in the future") LocalDate agreedOn) {
    }

    record ActionRequest(
            @NotBlank(message = "is required") @Size(max = 500, message = "must be at most {max} characters") String title,
            @NotBlank(message = "is required") String priority,
            @NotBlank(message = "is required") @AgencyCode(message = "is not a partner agency's code") String leadAgency,
            @NotNull(message = "is required") LocalDate dueOn,
            @Size(max = MAX_LIST, message = "must be at most {max}") List<String> measures) {
    }

    record StatusRequest(@NotBlank(message = "is required") String status, LocalDate doneOn) {
    }
}
