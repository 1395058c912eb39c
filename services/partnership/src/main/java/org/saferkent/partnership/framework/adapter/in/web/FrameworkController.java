package org.saferkent.partnership.framework.adapter.in.web;

import java.util.List;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import org.saferkent.partnership.framework.application.PerformanceFramework;
import org.saferkent.partnership.framework.domain.MeasureResult;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.partnership.web.KentDistrict;
import org.saferkent.partnership.web.Year;
import org.saferkent.platform.service.RequestProblems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The performance framework: each measure's value, target and RAG for a year, a district or the county. */
@RestController
@RequestMapping("/api/partnership/framework")
class FrameworkController {

    private final PerformanceFramework framework;

    private final Validator validator;

    FrameworkController(PerformanceFramework framework, Validator validator) {
        this.framework = framework;
        this.validator = validator;
    }

    /** A year (from 2011), and a district or none for the county. */
    record FrameworkQuery(@NotBlank(message = "is required") @Year(from = 2011) String year, @KentDistrict String district) {
    }

    /** @param district a district's code, or none for the county */
    @GetMapping
    FrameworkView framework(@RequestParam(required = false) String year, @RequestParam(required = false) String district) {
        RequestProblems.of(validator, new FrameworkQuery(year, district)).throwIfAny();
        Integer parsed = Year.Check.parse(year);
        District found = district == null || district.isBlank() ? null : District.fromCode(district).orElseThrow();
        List<MeasureView> measures = framework.measures(parsed, found).stream().map(MeasureView::of).toList();
        return new FrameworkView(parsed, found == null ? "kent" : found.code(), measures);
    }

    record FrameworkView(int year, String area, List<MeasureView> measures) {
    }

    /** A measure: value in percent (null with nothing to measure), of numerator / denominator; target; RAG as a word. */
    record MeasureView(String measure, Double value, long numerator, long denominator, double target, boolean higherIsBetter,
            String rag) {

        static MeasureView of(MeasureResult r) {
            return new MeasureView(r.measure().code(), r.value(), r.numerator(), r.denominator(), r.target().percent(),
                    r.target().higherIsBetter(), r.rag() == null ? "no-data" : r.rag().code());
        }
    }
}
