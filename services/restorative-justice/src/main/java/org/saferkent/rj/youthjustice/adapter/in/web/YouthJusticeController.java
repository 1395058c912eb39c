package org.saferkent.rj.youthjustice.adapter.in.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.platform.workingdays.Quarter;
import org.saferkent.rj.vocabulary.District;
import org.saferkent.rj.web.KentDistricts;
import org.saferkent.rj.youthjustice.application.YouthJusticeMeasures;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** First-time entrants and proven reoffending, by quarter and (optionally) district; all Kent without one. */
@RestController
@RequestMapping("/api/youth-justice")
class YouthJusticeController {

    private final YouthJusticeMeasures measures;
    private final Validator validator;

    YouthJusticeController(YouthJusticeMeasures measures, Validator validator) {
        this.measures = measures;
        this.validator = validator;
    }

    @GetMapping("/first-time-entrants")
    YouthJusticeMeasures.FirstTimeEntrantReport firstTimeEntrants(@RequestParam(required = false) String district,
            @RequestParam(required = false) String quarter) {
        Filter filter = filter(district, quarter);
        return measures.firstTimeEntrants(filter.district(), filter.quarter());
    }

    @GetMapping("/reoffending")
    YouthJusticeMeasures.ReoffendingReport reoffending(@RequestParam(required = false) String district,
            @RequestParam(required = false) String quarter) {
        Filter filter = filter(district, quarter);
        return measures.reoffending(filter.district(), filter.quarter());
    }

    private Filter filter(String district, String quarter) {
        return new FilterRequest(district, quarter).validate(validator);
    }

    private record Filter(String district, Quarter quarter) {
    }

    /** The query's parameters, checked like a request's fields: an optional district, a quarter such as 2026-Q3. */
    record FilterRequest(@OneOf(value = KentDistricts.class, blank = Blank.ALLOWED) String district,
            @NotBlank(message = "is required") String quarter) {

        Filter validate(Validator validator) {
            RequestProblems problems = RequestProblems.of(validator, this);
            Quarter validQuarter = Quarter.parse(quarter).orElse(null);
            if (problems.isValid("quarter") && validQuarter == null) {
                problems.add("quarter", "must be a calendar quarter such as 2026-Q3");
            }
            problems.throwIfAny();
            return new Filter(District.fromCode(district).map(District::code).orElse(null), validQuarter);
        }
    }
}
