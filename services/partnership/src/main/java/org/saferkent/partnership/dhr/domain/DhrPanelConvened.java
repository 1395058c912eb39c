package org.saferkent.partnership.dhr.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.saferkent.platform.events.EventType;

/** The review panel was convened with a chair independent of every agency involved. Codes, dates and ids only: no name, no personal detail. */
@EventType("partnership.DhrPanelConvened.v1")
public record DhrPanelConvened(String reviewId, String district, String chairAgency, List<String> panelAgencies, LocalDate convenedOn, Instant recordedAt) {
}
