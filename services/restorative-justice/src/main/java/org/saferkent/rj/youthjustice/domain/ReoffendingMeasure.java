package org.saferkent.rj.youthjustice.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cohort's proven reoffending, both Ministry of Justice measures and the per-reoffender figure, each
 * named for what it divides by:
 * <ul>
 * <li>{@code binaryRatePercent}: the binary rate, reoffenders / cohort, in percent (1 decimal);</li>
 * <li>{@code frequencyPerOffender}: the frequency rate, re-offences / offenders in the cohort (2 decimals);</li>
 * <li>{@code frequencyPerReoffender}: re-offences / reoffenders (2 decimals) — not the MoJ frequency rate.</li>
 * </ul>
 * A rate whose denominator is nought is null.
 */
public record ReoffendingMeasure(int cohort, int reoffenders, int reoffences, Double binaryRatePercent,
        Double frequencyPerOffender, Double frequencyPerReoffender) {

    /** What each figure is, as a report shows it beside the figure. */
    public static final Map<String, String> LABELS = labels();

    public static ReoffendingMeasure of(List<CohortMember> members) {
        int cohort = members.size();
        int reoffenders = (int) members.stream().filter(CohortMember::reoffended).count();
        int reoffences = members.stream().mapToInt(CohortMember::reoffences).sum();
        Double binary = cohort == 0 ? null : Math.round(reoffenders * 1000.0 / cohort) / 10.0;
        Double perOffender = cohort == 0 ? null : Math.round(reoffences * 100.0 / cohort) / 100.0;
        Double perReoffender = reoffenders == 0 ? null : Math.round(reoffences * 100.0 / reoffenders) / 100.0;
        return new ReoffendingMeasure(cohort, reoffenders, reoffences, binary, perOffender, perReoffender);
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("binaryRatePercent", "Binary reoffending rate (MoJ): offenders in the cohort who committed a proven"
                + " re-offence, as a percentage of the cohort");
        labels.put("frequencyPerOffender", "Frequency reoffending rate (MoJ): proven re-offences per offender in the cohort");
        labels.put("frequencyPerReoffender", "Proven re-offences per reoffender (offenders who reoffended only; not the"
                + " MoJ frequency rate)");
        return java.util.Collections.unmodifiableMap(labels);
    }
}
