package org.saferkent.partnership.framework.adapter.in.messaging;

import java.time.LocalDate;

/**
 * What the framework reads of {@code rj.FirstTimeEntrantRecorded.v1}: the disposal, its district and date, and the
 * disposal it takes the entry from (a late-reported earlier one). The person's pseudonym is not read.
 */
public record FirstTimeEntry(String disposalId, String district, LocalDate disposalDate, String supersedesDisposalId) {
}
