package org.saferkent.partnership.panel.adapter.in.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.saferkent.partnership.panel.application.PanelView;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.partnership.web.Year;
import org.saferkent.platform.service.RequestProblems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Police and Crime Panel's view (panel.read): the performance framework's measures and the PCC's commissioning
 * performance for a financial year, aggregates only, through disclosure control for the audience police-crime-panel.
 */
@RestController
class PanelController {

    private final PanelView panel;

    private final Validator validator;

    private final Clock clock;

    PanelController(PanelView panel, Validator validator, Clock clock) {
        this.panel = panel;
        this.validator = validator;
        this.clock = clock;
    }

    /** A financial year, from 2011 (the year it starts). */
    record FinancialYearQuery(@Year(from = 2011) String financialYear) {
    }

    /**
     * The view of a financial year: April to March, named by the year it starts ({@code financialYear=2026} is 1 April
     * 2026 to 31 March 2027); without one, the financial year of today in the UK.
     */
    @GetMapping("/api/partnership/panel")
    PanelView.View panel(@RequestParam(required = false) String financialYear, HttpServletRequest request) {
        RequestProblems problems = RequestProblems.of(validator, new FinancialYearQuery(financialYear));
        if (request.getParameter("year") != null) {
            // the view was by calendar year once: a link of then must not be answered with another year's figures
            problems.add("year", "the Panel's view is by financial year: give financialYear (2026 is April 2026 to March 2027)");
        }
        problems.throwIfAny();
        Integer asked = financialYear == null || financialYear.isBlank() ? null : Year.Check.parse(financialYear);
        return panel.ofFinancialYear(asked != null ? asked : KentDate.financialYear(KentDate.today(clock)));
    }
}
