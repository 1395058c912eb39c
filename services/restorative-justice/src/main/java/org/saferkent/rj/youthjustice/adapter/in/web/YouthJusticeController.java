package org.saferkent.rj.youthjustice.adapter.in.web;

import org.saferkent.rj.vocabulary.District;
import org.saferkent.rj.web.FieldChecks;
import org.saferkent.rj.youthjustice.application.YouthJusticeMeasures;
import org.saferkent.platform.workingdays.Quarter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** First-time entrants and proven reoffending, by quarter and (optionally) district; all Kent without one. */
@RestController
@RequestMapping("/api/youth-justice")
class YouthJusticeController {

    private final YouthJusticeMeasures measures;

    YouthJusticeController(YouthJusticeMeasures measures) {
        this.measures = measures;
    }

    @GetMapping("/first-time-entrants")
    YouthJusticeMeasures.FirstTimeEntrantReport firstTimeEntrants(@RequestParam(required = false) String district,
            @RequestParam(required = false) String quarter) {
        Filter filter = Filter.of(district, quarter);
        return measures.firstTimeEntrants(filter.district(), filter.quarter());
    }

    @GetMapping("/reoffending")
    YouthJusticeMeasures.ReoffendingReport reoffending(@RequestParam(required = false) String district,
            @RequestParam(required = false) String quarter) {
        Filter filter = Filter.of(district, quarter);
        return measures.reoffending(filter.district(), filter.quarter());
    }

    private record Filter(String district, Quarter quarter) {

        static Filter of(String district, String quarter) {
            FieldChecks checks = new FieldChecks();
            District validDistrict = district == null || district.isBlank() ? null : checks.district("district", district);
            Quarter validQuarter = null;
            if (checks.required("quarter", quarter)) {
                validQuarter = Quarter.parse(quarter).orElse(null);
                if (validQuarter == null) {
                    checks.add("quarter", "must be a calendar quarter such as 2026-Q3");
                }
            }
            checks.throwIfAny();
            return new Filter(validDistrict == null ? null : validDistrict.code(), validQuarter);
        }
    }
}
