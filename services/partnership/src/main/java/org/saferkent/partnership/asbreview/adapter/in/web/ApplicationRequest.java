package org.saferkent.partnership.asbreview.adapter.in.web;

import java.time.LocalDate;

/**
 * An ASB case review application: the district, when it was received, and how many complaints about the same problem
 * were made in the six months before it. No applicant's name or address: the service does not hold them.
 */
record ApplicationRequest(String district, LocalDate receivedOn, Integer complaints) {
}
