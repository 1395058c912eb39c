package org.saferkent.partnership.dhr.application;

import java.time.LocalDate;

/**
 * A review's personal details: kept in the service's own store, sealed, read only through the audited endpoint
 * (scope {@code partnership.personal}); never in an event, a log line or the review's own document.
 */
public record PersonalDetails(String victimName, String perpetratorName, LocalDate dateOfDeath) {

    public boolean empty() {
        return victimName == null && perpetratorName == null && dateOfDeath == null;
    }
}
