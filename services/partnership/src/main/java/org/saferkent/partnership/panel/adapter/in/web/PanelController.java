package org.saferkent.partnership.panel.adapter.in.web;

import org.saferkent.partnership.panel.application.PanelView;
import org.saferkent.partnership.web.FieldChecks;
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

    PanelController(PanelView panel) {
        this.panel = panel;
    }

    @GetMapping("/api/partnership/panel")
    PanelView.View panel(@RequestParam(required = false) String year) {
        FieldChecks checks = new FieldChecks();
        Integer parsed = null;
        if (checks.required("year", year)) {
            try {
                parsed = Integer.parseInt(year.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
            if (parsed == null || parsed < 2011 || parsed > 2100) {
                checks.add("year", "must be a year from 2011");
                parsed = null;
            }
        }
        checks.throwIfAny();
        return panel.of(parsed);
    }
}
