package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What commissioning reads of {@code rj.FirstTimeEntrantRecorded.v1}. The person's pseudonym is not
 * read at all: a disposal that {@code supersedes} another takes its place.
 */
public record FirstTimeEntrant(String disposalId, String district, String quarter, LocalDate disposalDate,
        Integer ageAtDisposal, String supersedesDisposalId, Instant recordedAt) {

    public FirstTimeEntrant {
        Required.text(disposalId, "disposalId");
        Required.text(district, "district");
    }
}
