package org.saferkent.victims.victimcase.adapter.in.web;

import java.util.Locale;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;

import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.victims.victimcase.application.VictimCaseQueries;
import org.saferkent.victims.victimcase.domain.Codes;
import org.saferkent.victims.victimcase.domain.VictimCaseStatus;

/** The case list's query parameters, checked like a request's fields (problems in this order); every one may be left out. */
record CaseListQuery(
        @OneOf(value = VictimCaseStatus.class, blank = Blank.REFUSED) String status,
        @OneOf(value = KentDistricts.class, blank = Blank.REFUSED) String district,
        @Pattern(regexp = "(?i)\\s*(true|false)\\s*", message = "must be true or false") String enhanced,
        @Timestamp String dueBefore,
        @WholeNumber(min = 0, max = Integer.MAX_VALUE / VictimCaseController.MAX_PAGE_SIZE) String page,
        @WholeNumber(min = 1, max = VictimCaseController.MAX_PAGE_SIZE) String size,
        @Pattern(regexp = "\\s*(newest|nextDeadline)\\s*", message = "must be newest or nextDeadline") String sort) {

    record Valid(VictimCaseQueries.Filter filter, VictimCaseQueries.Order order, int page, int size) {
    }

    Valid validate(Validator validator) {
        RequestProblems problems = RequestProblems.of(validator, this);
        VictimCaseStatus validStatus = Codes.parse(VictimCaseStatus.class, status).orElse(null);
        VictimCaseQueries.Order order = sort != null && sort.trim().equals("nextDeadline")
                ? VictimCaseQueries.Order.NEXT_DEADLINE : VictimCaseQueries.Order.NEWEST;
        if (order == VictimCaseQueries.Order.NEXT_DEADLINE && validStatus == VictimCaseStatus.CLOSED) {
            problems.add("sort", "nextDeadline lists open cases only: status must be open or left out");
        }
        problems.throwIfAny();
        return new Valid(new VictimCaseQueries.Filter(validStatus == null ? null : validStatus.name(),
                district == null ? null : district.trim().toLowerCase(Locale.ROOT),
                enhanced == null ? null : Boolean.valueOf(enhanced.trim().toLowerCase(Locale.ROOT)), Timestamp.Check.parse(dueBefore)),
                order, page == null ? 0 : WholeNumber.Check.parse(page), size == null ? 50 : WholeNumber.Check.parse(size));
    }
}
