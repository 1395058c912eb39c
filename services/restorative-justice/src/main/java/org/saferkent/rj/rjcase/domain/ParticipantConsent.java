package org.saferkent.rj.rjcase.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A participant's written, informed consent: the date it was given and when it was recorded here. */
public record ParticipantConsent(boolean written, boolean informed, LocalDate recordedOn, Instant recordedAt) {
}
