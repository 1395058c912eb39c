package org.saferkent.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.saferkent.simulator.KentShape;

/** One run's figures, as JSON (everything) and as the Markdown table the README quotes. */
final class Report {

    String started;
    String mode;
    Map<String, Object> machine;
    List<Double> loadAverages = new java.util.ArrayList<>();
    Double healthySeconds;
    Map<String, Double> residentIdleMiB;
    Map<String, Double> residentPeakMiB;
    /** With --preload-years: the peak of the preload's loader and index build (the launcher without services), kept apart. */
    Map<String, Double> residentPeakLoadingMiB;
    Limits.KafkaFigures kafka;
    Limits.StoreFigures store;
    IntakePhase.Figures intake;
    LatencyPhase.Figures latency;
    RebuildPhase.Figures rebuild;
    /** With --preload-years: one measurement per point of history stored. */
    List<PreloadRun.Point> points;
    double preloadLatencyRate;
    boolean tokens;
    String rebuildHeap = "";
    String notes = "";

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("started", started);
        map.put("mode", mode);
        map.put("machine", machine);
        map.put("loadAverages", loadAverages);
        map.put("withTokens", tokens);
        Map<String, Object> footprint = new LinkedHashMap<>();
        footprint.put("secondsFromCommandToAllHealthy", healthySeconds);
        footprint.put("residentMiBAfterStart", residentIdleMiB);
        footprint.put("residentMiBPeakUnderLoad", residentPeakMiB);
        if (residentPeakLoadingMiB != null) {
            footprint.put("residentMiBPeakPreloading", residentPeakLoadingMiB);
        }
        map.put("footprint", footprint);
        map.put("limits", Limits.asMap(kafka, store));
        map.put("intake", intake == null ? null : intake.asMap());
        if (latency != null) {
            map.put("latency", latency.asMap());
        }
        map.put("rebuild", rebuild == null ? null : rebuild.asMap());
        if (points != null) {
            map.put("byYearsStored", points.stream().map(PreloadRun::asMap).toList());
        }
        return map;
    }

    String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# SaferKent benchmark — ").append(started).append(" (").append(mode).append(")\n\n");
        md.append("Machine: ").append(machine.get("cores")).append(" cores (").append(machine.get("cpu")).append("), ")
                .append(machine.get("memoryGiB")).append(" GiB, ").append(machine.get("java")).append(". 1-minute load average at each phase: ")
                .append(loadAverages.stream().map(l -> String.format(Locale.ROOT, "%.1f", l)).toList())
                .append(tokens ? "; requests carried OAuth2 tokens" : "; no identity server answered: requests without tokens").append(".\n\n");
        md.append("| measure | SaferKent | target | limit on this machine | SaferKent / limit |\n|---|---|---|---|---|\n");
        if (intake != null) {
            row(md, "Intake: referrals accepted per second (sustained " + Math.round(intake.postSeconds()) + " s, batches of 100)",
                    num(intake.acceptedPerSecond()), "856 /s (a year in 2 min)", "", "");
            row(md, "End to end: referrals per second through victims, RJ and commissioning (" + intake.created() + " referrals)",
                    num(intake.pipelinePerSecond()), "856 /s", "", "");
            row(md, "Kent's year (" + String.format(Locale.ROOT, "%,d", KentShape.REFERRALS_PER_YEAR) + " referrals) to victim cases, RJ cases and the feed"
                    + (intake.fullYear() ? " (measured)" : " (extrapolated)"), duration(intake.yearSeconds()), "< 2 min", "", "");
            double writes = intake.costs().storeWrites() / Math.max(1, intake.created());
            double records = intake.costs().kafkaRecords() / Math.max(1, intake.created());
            row(md, "Store writes per referral (all services; insert/update/delete/findAndModify commands)", num(writes) + " ("
                    + byService(intake) + ")", "≤ 10", "", "");
            row(md, "Kafka records per referral (growth of every topic on the broker)", num(records), "", "", "");
            if (store != null) {
                double storeRate = writes * intake.pipelinePerSecond();
                row(md, "Store writes per second, end to end", num(storeRate), "", num(store.insertOnePerSecond()) + " single inserts/s",
                        ratio(storeRate, store.insertOnePerSecond()));
            }
            if (kafka != null) {
                double kafkaRate = records * intake.pipelinePerSecond();
                row(md, "Kafka records per second, end to end", num(kafkaRate), "", num(kafka.producedPerSecond()) + " produced/s (1 KiB, acks=all)",
                        ratio(kafkaRate, kafka.producedPerSecond()));
            }
        }
        if (latency != null) {
            row(md, "Latency 201 → victim case, p50 / p95 / p99 at " + Math.round(latency.rate()) + "/s (" + latency.victimCase().samples()
                    + " of " + latency.posted() + " referrals; the rest not seen within 3 min)",
                    pct(latency.victimCase()), "p99 < 250 ms", kafka == null ? "" : "producer p99 " + num(kafka.producerP99Ms()) + " ms", "");
            row(md, "Latency 201 → commissioning feed, p50 / p95 / p99 (" + latency.feed().samples() + " of " + latency.posted() + ")",
                    pct(latency.feed()), "p99 < 250 ms", "", "");
        }
        if (rebuild != null) {
            row(md, "Rebuild of commissioning's projections (" + String.format(Locale.ROOT, "%,d", rebuild.eventsRead()) + " events, "
                    + String.format(Locale.ROOT, "%,d", rebuild.facts()) + " facts) in " + duration(rebuild.rebuildSeconds()),
                    num(rebuild.eventsPerSecond()) + " events/s", "30,000 events/s",
                    kafka == null ? "" : num(kafka.consumedPerSecond()) + " consumed/s", kafka == null ? "" : ratio(rebuild.eventsPerSecond(), kafka.consumedPerSecond()));
            row(md, "Launcher resident memory at the rebuild's peak (commissioning alone, -Xmx" + rebuildHeap + ")", num(rebuild.peakResidentMiB()) + " MiB", "", "", "");
        }
        if (residentIdleMiB != null) {
            residentRow(md, "Resident memory after start", residentIdleMiB, "< 1,536 MiB");
        }
        if (residentPeakMiB != null) {
            residentRow(md, "Resident memory, peak under load", residentPeakMiB, "< 1,536 MiB");
        }
        if (residentPeakLoadingMiB != null) {
            residentRow(md, "Resident memory, peak of the benchmark's own preload and index build (the launcher without services; not the stack)",
                    residentPeakLoadingMiB, "");
        }
        if (healthySeconds != null) {
            row(md, "Time from the run command to every service healthy", duration(healthySeconds), "< 30 s", "", "");
        }
        if (kafka != null) {
            row(md, "Limit: Kafka ProducerPerformance / ConsumerPerformance, " + String.format(Locale.ROOT, "%,d", kafka.records())
                    + " × 1 KiB, acks=all, 3 partitions", "", "", num(kafka.producedPerSecond()) + " / " + num(kafka.consumedPerSecond()) + " records/s", "");
        }
        if (store != null) {
            row(md, "Limit: raw inserts into the same store (" + String.format(Locale.ROOT, "%,d", store.documents()) + " × ~1 KiB), insertOne / insertMany(500)",
                    "", "", num(store.insertOnePerSecond()) + " / " + num(store.insertManyPerSecond()) + " docs/s", "");
        }
        if (points != null) {
            preloadTable(md);
        }
        if (!notes.isBlank()) {
            md.append("\n").append(notes).append("\n");
        }
        return md.toString();
    }

    /** A column per point of history stored. */
    private void preloadTable(StringBuilder md) {
        md.append("\n### By years of history stored\n\n");
        md.append("Each column: the stack restarted on the same data after Kent-shaped history (102,736 referrals a year, with their "
                + "victim and RJ cases, commissioning's facts and their events) was preloaded up to that point; then the store's own "
                + "insert rate, sustained intake until everything downstream settled, and latency at a steady "
                + Math.round(preloadLatencyRate) + " referrals/s. Chart: `preload.png`.\n\n");
        md.append("| measure |");
        points.forEach(p -> md.append(" ").append(PreloadRun.fmt(p.years())).append(" years |"));
        md.append("\n|---|");
        points.forEach(p -> md.append("---|"));
        md.append("\n");
        PreloadRun.Point first = points.get(0);
        pointRow(md, "Referrals stored when measured", p -> String.format(Locale.ROOT, "%,d", p.referralsStored()));
        pointRow(md, "Store file (H2; background compaction keeps 90% live while preloading, 50% while measuring)",
                p -> String.format(Locale.ROOT, "%,.2f GB", p.storeFileBytes() / 1e9));
        pointRow(md, "Preloaded to get here: referrals / documents / events, time; then the store's indexes built (the load keeps none)",
                p -> p.preload() == null ? "" : String.format(Locale.ROOT, "%,d / %,d / %,d in %s; indexes %s", p.preload().referrals(),
                        p.preload().documents(), p.preload().events(), duration(p.preload().seconds()),
                        p.indexBuildSeconds() == null ? "?" : duration(p.indexBuildSeconds())));
        pointRow(md, "Time from the start command to every service healthy", p -> p.healthySeconds() == null ? "" : duration(p.healthySeconds()));
        pointRow(md, "Intake: referrals accepted per second (batches of 100)", p -> p.intake() == null ? ""
                : num(p.intake().acceptedPerSecond()) + (p.intake().failed() > 0 ? " (" + p.intake().failed() + " of " + p.intake().posted()
                        + " failed at the client: their writes count in the writes per referral below)" : ""));
        pointRow(md, "End to end: referrals per second through victims, RJ and commissioning",
                p -> p.intake() == null ? "" : num(p.intake().pipelinePerSecond()) + " (" + p.intake().created() + " referrals)");
        pointRow(md, "End to end, share of the rate with the first point's history (target at 7 years ≥ 90%)",
                p -> p.intake() == null || first.intake() == null ? "" : ratio(p.intake().pipelinePerSecond(), first.intake().pipelinePerSecond()));
        pointRow(md, "Store writes per referral (insert/update/delete/findAndModify; target ≤ 10), and by service",
                p -> p.intake() == null ? "" : num(p.intake().costs().storeWrites() / Math.max(1, p.intake().created())) + " ("
                        + byService(p.intake()) + ")");
        pointRow(md, "Latency 201 → victim case, p50 / p95 / p99 at " + Math.round(preloadLatencyRate) + "/s (target p99 < 250 ms)",
                p -> p.latency() == null ? "" : pct(p.latency().victimCase()) + seen(p.latency().victimCase(), p.latency().posted()));
        pointRow(md, "Latency 201 → commissioning feed, p50 / p95 / p99 (target p99 < 1 s)",
                p -> p.latency() == null ? "" : pct(p.latency().feed()) + seen(p.latency().feed(), p.latency().posted()));
        pointRow(md, "Limit: the store's raw inserts, insertOne / insertMany(500), docs/s",
                p -> num(p.store().insertOnePerSecond()) + " / " + num(p.store().insertManyPerSecond()));
        pointRow(md, "Store writes per second end to end, share of the store's insertOne / insertMany limit", p -> {
            if (p.intake() == null) {
                return "";
            }
            double writes = p.intake().costs().storeWrites() / Math.max(1, p.intake().created()) * p.intake().pipelinePerSecond();
            return num(writes) + " /s: " + ratio(writes, p.store().insertOnePerSecond()) + " / " + ratio(writes, p.store().insertManyPerSecond());
        });
    }

    /** {@code referrals 5.1, victims 2.1, ...}: each service's share of the writes per referral. */
    private static String byService(IntakePhase.Figures intake) {
        return intake.costs().writesPerReferral(intake.created()).entrySet().stream()
                .map(e -> e.getKey() + " " + num(e.getValue())).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String seen(Percentiles p, long posted) {
        return p.samples() < posted ? " (" + p.samples() + " of " + posted + ")" : "";
    }

    private void pointRow(StringBuilder md, String measure, java.util.function.Function<PreloadRun.Point, String> cell) {
        md.append("| ").append(measure).append(" |");
        points.forEach(p -> md.append(" ").append(cell.apply(p)).append(" |"));
        md.append("\n");
    }

    /** A row of resident memory: each process's, then their sum. */
    private static void residentRow(StringBuilder md, String measure, Map<String, Double> mib, String target) {
        row(md, measure + ": " + mib.entrySet().stream().map(e -> e.getKey() + " " + num(e.getValue()) + " MiB").toList(),
                num(mib.values().stream().mapToDouble(Double::doubleValue).sum()) + " MiB", target, "", "");
    }

    private static void row(StringBuilder md, String measure, String value, String target, String limit, String ratio) {
        md.append("| ").append(measure).append(" | ").append(value).append(" | ").append(target).append(" | ").append(limit).append(" | ")
                .append(ratio).append(" |\n");
    }

    private static String num(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String pct(Percentiles p) {
        return p.samples() == 0 ? "n/a" : num(p.p50()) + " / " + num(p.p95()) + " / " + num(p.p99()) + " ms";
    }

    private static String ratio(double ours, double limit) {
        return limit > 0 ? String.format(Locale.ROOT, "%.1f%%", 100 * ours / limit) : "";
    }

    private static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "n/a";
        }
        return seconds < 120 ? String.format(Locale.ROOT, "%.1f s", seconds)
                : String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60);
    }
}
