package org.saferkent.commissioning.performance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.saferkent.platform.disclosure.DisclosureRule;

/**
 * An attacker with only what the PCC's office is shown of one contract × quarter (every district's published
 * snapshot and the Kent total) tries to work out a suppressed count: every count's districts add up to Kent, so
 * any such equation with one unknown left is solved, again and again until nothing more comes; and every
 * published measure with one of its counts known gives the other (a share over a known denominator is its
 * numerator). Over seeded contracts (2–12 districts, mostly small counts and zeros) it recovers nothing; with
 * primary suppression alone the same attacker recovers small counts, so the attacker works.
 */
class PccFiguresCannotBeRecoveredTest {

    private static final RecordComponent[] COUNTS = PublishedCounts.class.getRecordComponents();

    @Test
    void noSuppressedCountIsRecoveredFromWhatThePccOfficeIsShown() {
        PccDisclosure disclosure = new PccDisclosure(DisclosureControl.withDefaultAudiences(), "pcc-office");
        Random random = new Random(22_6);
        int suppressed = 0;
        for (int contract = 0; contract < 300; contract++) {
            List<PerformanceSnapshot> cells = cells(random, contract);
            Map<String, PublishedSnapshot> shown = disclosure.publish(cells);
            assertThat(shown).containsKey(PccDisclosure.KENT).hasSize(cells.size() + 1);
            for (PerformanceSnapshot cell : cells) {
                PublishedSnapshot form = shown.get(cell.district());
                for (RecordComponent count : COUNTS) {
                    Long published = value(form.counts(), count);
                    long exact = exact(cell.counts(), count.getName());
                    if (published == null) {
                        suppressed++;
                        assertThat(form.suppressed()).containsKey(count.getName());
                    } else {
                        assertThat(published).as("a published count is exact").isEqualTo(exact);
                        if (!count.getName().equals("valueProRatedPence")) {
                            assertThat(exact).as("never a count from 1 to 4").isNotIn(1L, 2L, 3L, 4L);
                        }
                    }
                }
            }
            assertThat(Attack.recovered(shown)).as("recovered from contract " + contract).isEmpty();
        }
        assertThat(suppressed).as("the tables had small counts to protect").isGreaterThan(1000);
    }

    @Test
    void theSameAttackerRecoversCountsUnderPrimarySuppressionAlone() {
        PccDisclosure primaryOnly = new PccDisclosure(new DisclosureControl(Map.of("pcc-office",
                new DisclosureRule(5, false, 1, false))), "pcc-office");
        Random random = new Random(22_6);
        int recovered = 0;
        for (int contract = 0; contract < 300; contract++) {
            Map<String, PublishedSnapshot> shown = primaryOnly.publish(cells(random, contract));
            recovered += Attack.recovered(shown).size();
        }
        assertThat(recovered).isGreaterThan(100);
    }

    /** The attacker: only published figures, and the equations every reader knows. */
    static final class Attack {

        /** {@code <district>.<count>} → the value worked out, for every suppressed count it works out. */
        static Map<String, Long> recovered(Map<String, PublishedSnapshot> shown) {
            Map<String, Long> known = new HashMap<>();
            Map<String, Long> recovered = new HashMap<>();
            shown.forEach((district, form) -> {
                for (RecordComponent count : COUNTS) {
                    Long value = value(form.counts(), count);
                    if (value != null) {
                        known.put(district + "." + count.getName(), value);
                    }
                }
            });
            boolean progress = true;
            while (progress) {
                progress = false;
                for (RecordComponent count : COUNTS) {
                    // the districts add up to Kent
                    List<String> unknown = new ArrayList<>();
                    long sum = 0;
                    for (String district : shown.keySet()) {
                        if (district.equals(PccDisclosure.KENT)) {
                            continue;
                        }
                        Long value = known.get(district + "." + count.getName());
                        if (value == null) {
                            unknown.add(district);
                        } else {
                            sum += value;
                        }
                    }
                    Long kent = known.get(PccDisclosure.KENT + "." + count.getName());
                    String solved = null;
                    long value = 0;
                    if (kent == null && unknown.isEmpty()) {
                        solved = PccDisclosure.KENT;
                        value = sum;
                    } else if (kent != null && unknown.size() == 1) {
                        solved = unknown.get(0);
                        value = kent - sum;
                    }
                    if (solved != null) {
                        known.put(solved + "." + count.getName(), value);
                        recovered.put(solved + "." + count.getName(), value);
                        progress = true;
                    }
                }
                // a published share with one of its counts known gives the other
                for (Map.Entry<String, PublishedSnapshot> form : shown.entrySet()) {
                    progress |= fromShare(form.getKey(), form.getValue().measures().needsMetShare(), "needsMet", "needsWithOutcome", known, recovered);
                    progress |= fromShare(form.getKey(), form.getValue().measures().contactedWithinDeadlineShare(), "contactedWithinDeadline",
                            "firstContactsDue", known, recovered);
                    progress |= fromShare(form.getKey(), form.getValue().measures().rjSatisfactionShare(), "rjVictimsSatisfied",
                            "rjSatisfactionResponses", known, recovered);
                }
            }
            return recovered;
        }

        private static boolean fromShare(String district, Double share, String numerator, String denominator, Map<String, Long> known,
                Map<String, Long> recovered) {
            if (share == null) {
                return false;
            }
            Long top = known.get(district + "." + numerator);
            Long bottom = known.get(district + "." + denominator);
            if (top == null && bottom != null) {
                long value = Math.round(share * bottom);
                known.put(district + "." + numerator, value);
                recovered.put(district + "." + numerator, value);
                return true;
            }
            if (bottom == null && top != null && share > 0) {
                long value = Math.round(top / share);
                known.put(district + "." + denominator, value);
                recovered.put(district + "." + denominator, value);
                return true;
            }
            return false;
        }
    }

    /** A contract's cells for one quarter: mostly small counts and zeros, the odd large one. */
    private static List<PerformanceSnapshot> cells(Random random, int contract) {
        int districts = 2 + random.nextInt(11);
        List<PerformanceSnapshot> cells = new ArrayList<>();
        for (int d = 0; d < districts; d++) {
            long[] counts = new long[COUNTS.length];
            for (int k = 0; k < counts.length; k++) {
                int roll = random.nextInt(10);
                counts[k] = roll < 3 ? 0 : roll < 7 ? 1 + random.nextInt(4) : 5 + random.nextInt(40);
            }
            PerformanceCounts c = counts(counts);
            PerformanceMeasures measures = new PerformanceMeasures(share(c.contactedWithinDeadline(), c.firstContactsDue()), null,
                    share(c.needsMet(), c.needsWithOutcome()), null, null, share(c.rjVictimsSatisfied(), c.rjSatisfactionResponses()),
                    null, null, null);
            cells.add(new PerformanceSnapshot("c-" + contract, "Provider", "Service", "district-" + (char) ('a' + d), "2031-Q3",
                    "2031/32-Q2", LocalDate.of(2031, 7, 1), LocalDate.of(2031, 9, 30), c, measures,
                    List.of(new TargetStatus("needs-met-share", 0.8, 0.05, measures.needsMetShare(), "green"))));
        }
        return cells;
    }

    private static Double share(long numerator, long denominator) {
        return denominator == 0 ? null : Ratio.display(Ratio.of(numerator, denominator), 4);
    }

    private static PerformanceCounts counts(long[] values) {
        try {
            Object[] args = new Object[values.length];
            for (int k = 0; k < values.length; k++) {
                args[k] = values[k];
            }
            Class<?>[] types = new Class<?>[values.length];
            java.util.Arrays.fill(types, long.class);
            return PerformanceCounts.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long value(PublishedCounts counts, RecordComponent count) {
        try {
            return (Long) count.getAccessor().invoke(counts);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long exact(PerformanceCounts counts, String name) {
        try {
            return (Long) PerformanceCounts.class.getMethod(name).invoke(counts);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
