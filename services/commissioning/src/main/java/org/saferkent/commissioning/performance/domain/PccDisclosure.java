package org.saferkent.commissioning.performance.domain;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.saferkent.platform.disclosure.CountTable;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.saferkent.platform.disclosure.PublishedCount;
import org.saferkent.platform.disclosure.PublishedTable;
import org.saferkent.platform.disclosure.Suppression;

/**
 * What the PCC's office may see of one contract × quarter: the table a reader of its feeds can assemble. For
 * each count, the contract's districts that quarter and their Kent total form one equation (the districts add
 * up to Kent), so each count is published as one {@link CountTable} (one row, the districts as columns, the
 * row total the Kent total) under the audience's rule: small counts suppressed, and secondary suppression so
 * that none can be worked out from the Kent total and the other districts. A measure or target value is
 * suppressed when a count it is computed from is (a share over a published denominator gives its numerator
 * away). Money ({@code valueProRatedPence}) is not about people and is published as it is.
 */
public final class PccDisclosure {

    /** The district name of a contract's Kent total in the PCC's feeds. */
    public static final String KENT = "kent";

    private static final String MONEY = "valueProRatedPence";
    private static final RecordComponent[] COUNTS = PerformanceCounts.class.getRecordComponents();
    private static final Constructor<PublishedCounts> PUBLISHED_COUNTS;

    /** Each measure and the counts it is computed from (ContractPerformance's formulas). */
    static final Map<String, List<String>> MEASURE_INPUTS = new LinkedHashMap<>();

    static {
        try {
            PUBLISHED_COUNTS = PublishedCounts.class.getDeclaredConstructor(
                    java.util.Arrays.stream(PublishedCounts.class.getRecordComponents()).map(RecordComponent::getType).toArray(Class[]::new));
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
        MEASURE_INPUTS.put("contactedWithinDeadlineShare", List.of("contactedWithinDeadline", "firstContactsDue"));
        MEASURE_INPUTS.put("copeAndRecoverShare", List.of("copedAndRecovered", "outcomesRecorded"));
        MEASURE_INPUTS.put("needsMetShare", List.of("needsMet", "needsWithOutcome"));
        MEASURE_INPUTS.put("referralsAcceptedShare", List.of("referralsAccepted", "referralsDeclined"));
        MEASURE_INPUTS.put("rjCompletionShare", List.of("rjCasesCompleted", "rjCasesClosed"));
        MEASURE_INPUTS.put("rjSatisfactionShare", List.of("rjVictimsSatisfied", "rjSatisfactionResponses"));
        MEASURE_INPUTS.put("rjWouldRecommendShare", List.of("rjWouldRecommend", "rjRecommendResponses"));
        MEASURE_INPUTS.put("fteReduction", List.of("firstTimeEntrants", "firstTimeEntrantsYearBefore"));
        MEASURE_INPUTS.put("costPerVictimSupported", List.of("victimsSupported"));
    }

    private final DisclosureControl control;
    private final String audience;

    public PccDisclosure(DisclosureControl control, String audience) {
        this.control = control;
        this.audience = audience;
        control.rule(audience); // an unknown audience stops start-up, never publishes exact figures
    }

    /**
     * The published form of every cell of one contract × quarter and of its Kent total, by district
     * ({@link #KENT} for the total; absent when there are no cells).
     *
     * @param cells the contract's cells of one quarter, one per district, as they stand (removed ones left out)
     */
    public Map<String, PublishedSnapshot> publish(List<PerformanceSnapshot> cells) {
        Map<String, PublishedSnapshot> published = new LinkedHashMap<>();
        if (cells.isEmpty()) {
            return published;
        }
        List<PerformanceSnapshot> sorted = cells.stream().sorted(Comparator.comparing(PerformanceSnapshot::district)).toList();
        List<String> districts = sorted.stream().map(PerformanceSnapshot::district).toList();
        int n = sorted.size();
        // forms[i][k]: district i's count k (i == n: Kent)
        PublishedCount[][] forms = new PublishedCount[n + 1][COUNTS.length];
        long[] kent = new long[COUNTS.length];
        for (int k = 0; k < COUNTS.length; k++) {
            int[][] row = new int[1][n];
            for (int i = 0; i < n; i++) {
                long value = count(sorted.get(i).counts(), k);
                row[0][i] = Math.toIntExact(Math.min(value, Integer.MAX_VALUE));
                kent[k] += value;
            }
            if (COUNTS[k].getName().equals(MONEY)) {
                for (int i = 0; i < n; i++) {
                    forms[i][k] = PublishedCount.of(0); // placeholder: money is copied exactly below
                }
                forms[n][k] = PublishedCount.of(0);
                continue;
            }
            PublishedTable table = control.publish(CountTable.of(List.of(sorted.get(0).contractId()), districts, row), audience);
            for (int i = 0; i < n; i++) {
                forms[i][k] = table.cell(0, i);
            }
            forms[n][k] = table.rowTotals().get(0);
        }
        for (int i = 0; i < n; i++) {
            PerformanceSnapshot cell = sorted.get(i);
            published.put(cell.district(), form(cell, exact(cell.counts()), forms[i]));
        }
        published.put(KENT, form(kentTotal(sorted, kent), kent, forms[n]));
        return published;
    }

    private PublishedSnapshot form(PerformanceSnapshot cell, long[] exact, PublishedCount[] forms) {
        Map<String, String> suppressed = new LinkedHashMap<>();
        Map<String, Suppression> reasons = new LinkedHashMap<>();
        Object[] counts = new Object[COUNTS.length];
        for (int k = 0; k < COUNTS.length; k++) {
            String name = COUNTS[k].getName();
            if (name.equals(MONEY) || !forms[k].isSuppressed()) {
                counts[k] = name.equals(MONEY) ? exact[k] : Long.valueOf(forms[k].value());
            } else {
                counts[k] = null;
                reasons.put(name, forms[k].suppression());
                suppressed.put(name, reason(forms[k].suppression()));
            }
        }
        Map<String, Suppression> measureReasons = new LinkedHashMap<>();
        MEASURE_INPUTS.forEach((measure, inputs) -> {
            Suppression reason = null;
            for (String input : inputs) {
                Suppression r = reasons.get(input);
                if (r == Suppression.PRIMARY || (r != null && reason == null)) {
                    reason = r;
                }
            }
            if (reason != null) {
                measureReasons.put(measure, reason);
                suppressed.put(measure, reason(reason));
            }
        });
        PerformanceMeasures m = cell.measures();
        PerformanceMeasures measures = new PerformanceMeasures(
                shown(m.contactedWithinDeadlineShare(), "contactedWithinDeadlineShare", measureReasons),
                shown(m.copeAndRecoverShare(), "copeAndRecoverShare", measureReasons),
                shown(m.needsMetShare(), "needsMetShare", measureReasons),
                shown(m.referralsAcceptedShare(), "referralsAcceptedShare", measureReasons),
                shown(m.rjCompletionShare(), "rjCompletionShare", measureReasons),
                shown(m.rjSatisfactionShare(), "rjSatisfactionShare", measureReasons),
                shown(m.rjWouldRecommendShare(), "rjWouldRecommendShare", measureReasons),
                shown(m.fteReduction(), "fteReduction", measureReasons),
                shown(m.costPerVictimSupported(), "costPerVictimSupported", measureReasons));
        List<TargetStatus> targets = new ArrayList<>();
        for (TargetStatus target : cell.targets()) {
            boolean hidden = measureReasons.containsKey(field(target.measure()));
            targets.add(hidden ? new TargetStatus(target.measure(), target.target(), target.amberWithin(), null, target.status())
                    : target);
        }
        return new PublishedSnapshot(cell.contractId(), cell.provider(), cell.service(), cell.district(), cell.quarter(),
                cell.financialYearQuarter(), cell.coveredFrom(), cell.coveredTo(), publishedCounts(counts), measures, targets,
                suppressed);
    }

    private static Double shown(Double value, String measure, Map<String, Suppression> reasons) {
        return reasons.containsKey(measure) ? null : value;
    }

    /** {@code contacted-within-deadline-share} → {@code contactedWithinDeadlineShare}. */
    static String field(String measureCode) {
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : measureCode.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }

    private static String reason(Suppression suppression) {
        return suppression.name().toLowerCase(Locale.ROOT);
    }

    /** The Kent total as a snapshot: the districts' counts summed; its measures are not computed (null), no targets. */
    private static PerformanceSnapshot kentTotal(List<PerformanceSnapshot> cells, long[] sums) {
        PerformanceSnapshot first = cells.get(0);
        LocalDate from = cells.stream().map(PerformanceSnapshot::coveredFrom).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = cells.stream().map(PerformanceSnapshot::coveredTo).max(Comparator.naturalOrder()).orElseThrow();
        return new PerformanceSnapshot(first.contractId(), first.provider(), first.service(), KENT, first.quarter(),
                first.financialYearQuarter(), from, to, counts(sums),
                new PerformanceMeasures(null, null, null, null, null, null, null, null, null), List.of());
    }

    private static long count(PerformanceCounts counts, int k) {
        try {
            return (Long) COUNTS[k].getAccessor().invoke(counts);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long[] exact(PerformanceCounts counts) {
        long[] values = new long[COUNTS.length];
        for (int k = 0; k < COUNTS.length; k++) {
            values[k] = count(counts, k);
        }
        return values;
    }

    private static PerformanceCounts counts(long[] values) {
        try {
            Object[] args = new Object[values.length];
            for (int k = 0; k < values.length; k++) {
                args[k] = values[k];
            }
            return PerformanceCounts.class.getDeclaredConstructor(java.util.Arrays.stream(COUNTS).map(RecordComponent::getType)
                    .toArray(Class[]::new)).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublishedCounts publishedCounts(Object[] values) {
        try {
            return PUBLISHED_COUNTS.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
