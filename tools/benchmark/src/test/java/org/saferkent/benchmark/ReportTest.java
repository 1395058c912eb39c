package org.saferkent.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void writesPerReferralAreSplitByServiceInTheTableAndTheJson() {
        Map<String, Double> before = new LinkedHashMap<>(Map.of("referrals", 100.0, "victims", 40.0));
        Map<String, Double> after = new LinkedHashMap<>();
        after.put("referrals", 610.0);
        after.put("victims", 250.0);
        after.put("commissioning", 90.0); // started counting during the phase
        Map<String, Double> collectionsBefore = new LinkedHashMap<>(Map.of("referrals referrals update", 60.0));
        Map<String, Double> collectionsAfter = new LinkedHashMap<>();
        collectionsAfter.put("referrals referrals update", 340.0);
        collectionsAfter.put("victims victim_cases insert", 104.0);
        collectionsAfter.put("commissioning day_buckets update", 4.0); // 0.04 a referral: left out
        ServiceCounters.Totals costs = new ServiceCounters.Totals(after, collectionsAfter, 2_000, 550)
                .minus(new ServiceCounters.Totals(before, collectionsBefore, 300, 0));
        Report report = report();
        report.intake = new IntakePhase.Figures(100, 100, 0, 5, 20, 6, 16.7, 6_150, false, costs);

        assertThat(costs.storeWrites()).isEqualTo(810);
        assertThat(report.toMarkdown()).contains("| 8.1 (referrals 5.1, victims 2.1, commissioning 0.9) | ≤ 10 |");
        assertThat(report.intake.asMap()).containsEntry("storeWritesPerReferralByService",
                Map.of("referrals", 5.1, "victims", 2.1, "commissioning", 0.9));
        assertThat(report.intake.asMap().get("storeWritesPerReferralByCollection")).asString()
                .isEqualTo("{referrals referrals update=2.8, victims victim_cases insert=1.04}");
    }

    @Test
    void thePreloadsOwnPeakIsReportedApartFromTheStacksAndHasNoTarget() {
        Report report = report();
        report.residentPeakMiB = new LinkedHashMap<>(Map.of("launcher (store + services)", 900.0));
        report.residentPeakLoadingMiB = new LinkedHashMap<>(Map.of("launcher (store + services)", 1_700.0));

        String markdown = report.toMarkdown();

        assertThat(markdown).contains("| Resident memory, peak under load: [launcher (store + services) 900 MiB] | 900 MiB | < 1,536 MiB |");
        assertThat(markdown).containsPattern("\\| Resident memory, peak of the benchmark's own preload and index build [^|]*"
                + "\\[launcher \\(store \\+ services\\) 1,700 MiB\\] \\| 1,700 MiB \\|  \\|");
        assertThat(report.toMap()).extracting("footprint").asString().contains("residentMiBPeakPreloading");
    }

    private static Report report() {
        Report report = new Report();
        report.started = "2026-12-06T10:00:00Z";
        report.mode = "quick";
        report.machine = Map.of("cores", 2, "cpu", "test", "memoryGiB", 24, "java", "17");
        return report;
    }
}
