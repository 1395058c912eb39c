package org.saferkent.referrals.triage.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What is already known about a subject when a new domestic abuse incident is screened.
 *
 * @param domesticAbuseIncidents dates of the subject's earlier domestic abuse incidents, NOT including the
 *                               incident being screened (two incidents may share a date, so they are not de-duplicated)
 * @param lastMaracReferral      when the subject was last referred to a MARAC, or {@code null} if never
 */
public record SubjectHistory(List<LocalDate> domesticAbuseIncidents, LocalDate lastMaracReferral) {

    public SubjectHistory {
        domesticAbuseIncidents = domesticAbuseIncidents == null ? List.of() : List.copyOf(domesticAbuseIncidents);
    }

    public static SubjectHistory empty() {
        return new SubjectHistory(List.of(), null);
    }
}
