package org.saferkent.partnership.panel.adapter.in.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import org.saferkent.partnership.panel.application.PanelView;
import org.saferkent.partnership.web.Year;
import org.saferkent.platform.service.RequestProblems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Police and Crime Panel's view (panel.read): the performance framework's measures and the PCC's commissioning
 * performance for a year, aggregates only, through disclosure control for the audience police-crime-panel.
 */
@RestController
class PanelController {

    private final PanelView panel;

    private final Validator validator;

    PanelController(PanelView panel, Validator validator) {
        this.panel = panel;
        this.validator = validator;
    }

    /** A year, from 2011. */
    record YearQuery(@NotBlank(message = "is required") @Year(from = 2011) String year) {
    }

    @GetMapping("/api/partnership/panel")
    PanelView.View panel(@RequestParam(required = false) String year) {
        RequestProblems.of(validator, new YearQuery(year)).throwIfAny();
        Integer parsed = Year.Check.parse(year);
        return panel.of(parsed);
    }
}
