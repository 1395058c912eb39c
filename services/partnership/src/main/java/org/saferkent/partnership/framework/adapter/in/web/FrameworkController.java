package org.saferkent.partnership.framework.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Validator;

import org.saferkent.partnership.framework.application.PerformanceFramework;
import org.saferkent.partnership.framework.domain.MeasureResult;
import org.saferkent.partnership.framework.domain.Period;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.partnership.web.KentDistricts;
import org.saferkent.partnership.web.Year;
import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.RequestProblems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The performance framework: each measure's value, target and RAG for a calendar or financial year, a district or the
 * county.
 */
@RestController
@RequestMapping("/api/partnership/framework")
class FrameworkController {

    private final PerformanceFramework framework;

    private final Validator validator;

    FrameworkController(PerformanceFramework framework, Validator validator) {
        this.framework = framework;
        this.validator = validator;
    }

    /** A calendar year or a financial year (each from 2011), and a district or none for the county. */
    record FrameworkQuery(@Year(from = 2011) String year, @Year(from = 2011) String financialYear,
            @OneOf(value = KentDistricts.class, blank = Blank.ALLOWED) String district) {
    }

    /**
     * Exactly one of {@code year} (a calendar year, January to December) and {@code financialYear} (April to March,
     * named by the year it starts: 2026 is 1 April 2026 to 31 March 2027).
     *
     * @param district a district's code, or none for the county
     */
    @GetMapping
    FrameworkView framework(@RequestParam(required = false) String year, @RequestParam(required = false) String financialYear,
            @RequestParam(required = false) String district) {
        RequestProblems problems = RequestProblems.of(validator, new FrameworkQuery(year, financialYear, district));
        boolean hasYear = year != null && !year.isBlank();
        boolean hasFinancialYear = financialYear != null && !financialYear.isBlank();
        if (hasYear && hasFinancialYear) {
            problems.add("financialYear", "give a year or a financial year, not both");
        } else if (!hasYear && !hasFinancialYear) {
            problems.add("year", "is required");
        }
        problems.throwIfAny();
        Period period = hasFinancialYear ? Period.financialYear(Year.Check.parse(financialYear)) : Period.calendar(Year.Check.parse(year));
        District found = district == null || district.isBlank() ? null : District.fromCode(district).orElseThrow();
        List<MeasureView> measures = framework.measures(period, found).stream().map(MeasureView::of).toList();
        return new FrameworkView(period.financial() ? "financial" : "calendar", period.year(), period.from(),
                period.until().minusDays(1), found == null ? "kent" : found.code(), measures);
    }

    /**
     * The framework for a period: {@code period} calendar or financial, {@code year} the year it starts in, {@code from}
     * and {@code to} its first and last days.
     */
    record FrameworkView(String period, int year, LocalDate from, LocalDate to, String area, List<MeasureView> measures) {
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
