package org.saferkent.benchmark;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.saferkent.simulator.CommandLine;

/** The benchmark's command line: {@code --quick} for a smoke run, phases selectable. */
public record BenchmarkOptions(boolean quick, Set<String> phases, boolean useRunning, boolean fullYear, long sustainSeconds,
        double latencyRate, long latencySeconds, long rebuildEvents, String rebuildHeap, long kafkaRecords, int storeDocuments,
        long seed, String issuer, boolean help, List<Double> preloadYears, int portOffset, long warmupSeconds) {

    public static final List<String> PHASES = List.of("limits", "intake", "latency", "rebuild");

    public static final String USAGE = """
            Usage: ./benchmark.sh [options]
              --quick               a short smoke run (5-10 minutes): fewer referrals and events, short phases
              --phases a,b          only these phases: limits, intake, latency, rebuild (default: all)
              --use-running         use the stack already running on the default ports (no footprint, no rebuild)
              --full-year           post Kent's whole year (102,736 referrals) instead of extrapolating from the sustained run
              --sustain S           seconds of sustained intake (default 60; quick 20)
              --rate R              referrals per second of the latency phase (default 50; 20 with --preload-years)
              --warmup S            seconds of intake posted and settled, not counted, before the measured intake (default 0;
                                    20 with --preload-years: each point is measured right after a restart, its caches cold)
              --latency-seconds S   length of the latency phase (default 60; quick 15)
              --rebuild-events N    events the rebuild replays (default 1000000; quick 100000)
              --rebuild-heap SIZE   launcher heap during the rebuild (default 1g)
              --seed S              the simulator's seed (default: the run's time)
              --issuer URL          identity server for tokens (default http://127.0.0.1:8090; none answering: no tokens)
              --preload-years A,B   measure intake, writes per referral, latency and the store's limit with history stored:
                                    first at A years, then preloads Kent-shaped referrals (102,736 a year, with their
                                    cases and facts, straight into the stores and topics) up to B years and measures
                                    again, and so on (e.g. 0,1,7; fractions work: 0,0.05); then no rebuild phase
              --port-offset N       add N to every port of the stack (services, broker, store, identity server)
            """;

    public static BenchmarkOptions parse(String... args) {
        boolean quick = List.of(args).contains("--quick");
        Set<String> phases = new LinkedHashSet<>(PHASES);
        boolean useRunning = false;
        boolean fullYear = false;
        long sustain = quick ? 20 : 60;
        Double rate = null;
        List<Double> preload = new java.util.ArrayList<>();
        int portOffset = 0;
        Long warmup = null;
        long latencySeconds = quick ? 15 : 60;
        long rebuildEvents = quick ? 100_000 : 1_000_000;
        String heap = "1g";
        long seed = System.currentTimeMillis() / 1000;
        String issuer = null;
        boolean help = false;
        CommandLine line = new CommandLine(args, USAGE);
        while (line.next()) {
            switch (line.name()) {
                case "--quick" -> { }
                case "-h", "--help" -> help = true;
                case "--use-running" -> useRunning = true;
                case "--full-year" -> fullYear = true;
                case "--phases" -> {
                    phases.clear();
                    for (String phase : line.value().split(",")) {
                        if (!PHASES.contains(phase.trim())) {
                            throw new IllegalArgumentException("unknown phase " + phase + "\n" + USAGE);
                        }
                        phases.add(phase.trim());
                    }
                }
                case "--sustain" -> sustain = Long.parseLong(line.value());
                case "--rate" -> rate = Double.parseDouble(line.value());
                case "--latency-seconds" -> latencySeconds = Long.parseLong(line.value());
                case "--rebuild-events" -> rebuildEvents = Long.parseLong(line.value());
                case "--rebuild-heap" -> heap = line.value();
                case "--seed" -> seed = Long.parseLong(line.value());
                case "--issuer" -> issuer = line.value();
                case "--port-offset" -> portOffset = Integer.parseInt(line.value());
                case "--warmup" -> warmup = Long.parseLong(line.value());
                case "--preload-years" -> {
                    preload.clear();
                    double previous = -1;
                    for (String point : line.value().split(",")) {
                        double years = Double.parseDouble(point.trim());
                        if (years < 0 || years <= previous) {
                            throw new IllegalArgumentException("--preload-years wants increasing years >= 0, e.g. 0,1,7\n" + USAGE);
                        }
                        preload.add(years);
                        previous = years;
                    }
                }
                default -> throw line.unknown();
            }
        }
        if (useRunning || !preload.isEmpty()) {
            phases.remove("rebuild");
        }
        if (useRunning && !preload.isEmpty()) {
            throw new IllegalArgumentException("--preload-years starts and stops its own stack: not with --use-running\n" + USAGE);
        }
        if (rate == null) {
            rate = preload.isEmpty() ? 50.0 : 20.0;
        }
        if (warmup == null) {
            warmup = preload.isEmpty() ? 0L : 20L;
        }
        if (issuer == null) {
            issuer = "http://127.0.0.1:" + (8090 + portOffset);
        }
        return new BenchmarkOptions(quick, phases, useRunning, fullYear, sustain, rate, latencySeconds, rebuildEvents, heap,
                quick ? 100_000 : 500_000, quick ? 2_000 : 10_000, seed, issuer, help, List.copyOf(preload), portOffset, warmup);
    }
}
