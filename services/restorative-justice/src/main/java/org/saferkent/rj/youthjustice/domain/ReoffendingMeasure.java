package org.saferkent.rj.youthjustice.domain;

import java.util.List;

/**
 * A cohort's proven reoffending: binary rate = reoffenders / cohort (in percent); frequency =
 * re-offences / reoffenders.
 */
public record ReoffendingMeasure(int cohort, int reoffenders, int reoffences, Double binaryRatePercent, Double frequency) {

    public static ReoffendingMeasure of(List<CohortMember> members) {
        int cohort = members.size();
        int reoffenders = (int) members.stream().filter(CohortMember::reoffended).count();
        int reoffences = members.stream().mapToInt(CohortMember::reoffences).sum();
        Double binary = cohort == 0 ? null : Math.round(reoffenders * 1000.0 / cohort) / 10.0;
        Double frequency = reoffenders == 0 ? null : Math.round(reoffences * 100.0 / reoffenders) / 100.0;
        return new ReoffendingMeasure(cohort, reoffenders, reoffences, binary, frequency);
    }
}
