package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import org.saferkent.partnership.vocabulary.Agencies;
import org.saferkent.partnership.web.FieldChecks;

/**
 * The panel: its chair ({@code chair.name}, and {@code chair.agency}: the organisation they come from, or
 * {@code independent}) and the agencies sitting on it.
 */
record PanelRequest(Chair chair, List<String> panelAgencies, LocalDate convenedOn) {

    record Chair(String name, String agency) {
    }

    void validate(FieldChecks checks, LocalDate today) {
        if (checks.required("chair", chair)) {
            checks.text("chair.name", chair.name(), FieldChecks.MAX_NAME);
            if (checks.required("chair.agency", chair.agency()) && !Agencies.INDEPENDENT.equals(chair.agency())
                    && !Agencies.isKnown(chair.agency())) {
                checks.add("chair.agency", "must be a known agency code or independent");
            }
        }
        NotificationRequest.agencies(checks, "panelAgencies", panelAgencies, false);
        checks.pastDate("convenedOn", convenedOn, today);
    }
}
