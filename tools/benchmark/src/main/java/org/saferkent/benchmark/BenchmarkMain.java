package org.saferkent.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.saferkent.simulator.AgencyClient;
import org.saferkent.simulator.IntakeRun;
import org.saferkent.simulator.ReferralGenerator;
import org.saferkent.simulator.ServiceUrls;
import org.saferkent.simulator.TokenSource;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./benchmark.sh}: starts the local stack (fresh data), measures every phase in one run, stops
 * it, and writes {@code benchmark/results/<time>/report.json, report.md, latency.png} and
 * {@code benchmark/latest.md}.
 */
public final class BenchmarkMain {

    private static final List<String> SERVICES = List.copyOf(LocalStackProcess.HEALTH.keySet());

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        LocalStackProcess.portOffset(options.portOffset());
        String bootstrap = LocalStackProcess.kafkaBootstrap();
        String mongoUri = LocalStackProcess.mongoUri();
        ServiceUrls urls = LocalStackProcess.serviceUrls();
        Path repo = Path.of(System.getProperty("saferkent.repo", ".")).toAbsolutePath().normalize();
        String classpath = System.getProperty("java.class.path");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        Path results = repo.resolve("benchmark/results/" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
        Path work = repo.resolve("benchmark/work");
        Files.createDirectories(results);

        Report report = new Report();
        report.started = now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        report.mode = (options.quick() ? "quick" : "full") + ", phases " + options.phases() + (options.useRunning() ? ", running stack" : "")
                + (options.preloadYears().isEmpty() ? "" : ", preloaded years " + options.preloadYears())
                + (options.warmupSeconds() > 0 ? ", intake warmed up " + options.warmupSeconds() + " s" : "") + ", seed " + options.seed();
        report.machine = Machine.describe();
        report.rebuildHeap = options.rebuildHeap();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        TokenSource tokens = TokenSource.fromEnvironment(options.issuer(), http);
        AgencyClient client = new AgencyClient(http, tokens, urls);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReferralGenerator generator = new ReferralGenerator(options.seed(), today, "BENCH-" + options.seed());

        java.util.concurrent.atomic.AtomicReference<LocalStackProcess> current = new java.util.concurrent.atomic.AtomicReference<>();
        LocalStackProcess stack = null;
        AtomicBoolean sampling = new AtomicBoolean(true);
        Map<String, Double> peak = new LinkedHashMap<>();
        // the preload's loader and index build run the launcher with a bigger heap and no services: their peak is kept apart
        AtomicBoolean loading = new AtomicBoolean();
        Map<String, Double> loadingPeak = new LinkedHashMap<>();
        Thread sampler = null;
        try {
            if (!options.useRunning()) {
                if (LocalStackProcess.allUp(SERVICES)) {
                    throw new IllegalStateException("a stack already answers on the default ports: stop it, or pass --use-running");
                }
                Path data = work.resolve("stack");
                deleteTree(data);
                System.out.println("Starting the local stack (fresh data in " + repo.relativize(data) + ")...");
                stack = LocalStackProcess.start(repo, data, work.resolve("logs/stack.log"),
                        Map.of("LOCAL_STACK_JAVA_OPTS", launcherOptions("640m", work.resolve("logs/stack.jfr"))));
                current.set(stack);
                report.healthySeconds = round(stack.awaitHealthy(SERVICES, Duration.ofMinutes(3)));
                report.residentIdleMiB = stack.residentMiB();
                System.out.printf("  healthy %.1f s after the command; resident %s MiB%n", report.healthySeconds, report.residentIdleMiB);
                sampler = new Thread(() -> {
                    while (sampling.get()) {
                        LocalStackProcess sampled = current.get();
                        if (sampled != null) {
                            Map<String, Double> into = loading.get() ? loadingPeak : peak;
                            sampled.residentMiB().forEach((process, mib) -> into.merge(process, mib, Math::max));
                        }
                        try {
                            Thread.sleep(500); // sampling /proc
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "rss-sampler");
                sampler.start();
            }
            tokens.authorization(TokenSource.agencyClient("kent-police"));
            report.tokens = tokens.secured();
            try (Quiescence quiescence = new Quiescence(bootstrap)) {
                if (options.phases().contains("limits")) {
                    report.loadAverages.add(Machine.loadAverage());
                    System.out.println("Limits: Kafka's own perf tools and raw store inserts...");
                    report.kafka = Limits.kafka(quiescence.admin(), bootstrap, classpath, options.kafkaRecords(), 3);
                    report.store = Limits.store(mongoUri, options.storeDocuments());
                    System.out.printf("  Kafka %,.0f produced/s, %,.0f consumed/s; store %,.0f insertOne/s, %,.0f insertMany/s%n",
                            report.kafka.producedPerSecond(), report.kafka.consumedPerSecond(), report.store.insertOnePerSecond(),
                            report.store.insertManyPerSecond());
                }
                ServiceCounters counters = counters(client, urls);
                if (!options.preloadYears().isEmpty()) {
                    Path data = work.resolve("stack");
                    PreloadRun.Stack restartable = new PreloadRun.Stack() {
                        private int restarts;

                        @Override
                        public LocalStackProcess start() throws Exception {
                            loading.set(false);
                            return started(launcherOptions("640m", work.resolve("logs/stack-restart-" + ++restarts + ".jfr")));
                        }

                        @Override
                        public LocalStackProcess startInfrastructure(String name, String heap, String storeOptions) throws Exception {
                            loading.set(true);
                            return started(launcherOptions(heap, work.resolve("logs/" + name + ".jfr")) + " " + storeOptions, "--infra-only");
                        }

                        private LocalStackProcess started(String options, String... extra) throws Exception {
                            LocalStackProcess started = LocalStackProcess.start(repo, data, work.resolve("logs/stack.log"),
                                    Map.of("LOCAL_STACK_JAVA_OPTS", options), extra);
                            current.set(started);
                            return started;
                        }

                        @Override
                        public void stop() throws Exception {
                            LocalStackProcess running = current.getAndSet(null);
                            if (running != null) {
                                running.close();
                            }
                        }
                    };
                    report.points = new PreloadRun(options, client, restartable, () -> counters(client, urls), results,
                            data.resolve("mongo/saferkent.mv.db")).run(generator, report);
                    report.preloadLatencyRate = options.latencyRate();
                    PreloadChart.write(results.resolve("preload.png").toFile(), report.points);
                } else if (options.phases().contains("intake")) {
                    report.loadAverages.add(Machine.loadAverage());
                    System.out.println("Intake: " + (options.fullYear() ? "Kent's year" : "sustained for " + options.sustainSeconds() + " s")
                            + ", then until everything downstream settles...");
                    report.intake = new IntakePhase(new IntakeRun(client, 4, 100), quiescence, counters)
                            .run(generator, options.warmupSeconds(), options.fullYear(), options.sustainSeconds(), 1800);
                    System.out.println("  " + report.intake.asMap());
                }
                if (options.preloadYears().isEmpty() && options.phases().contains("latency")) {
                    quiescence.awaitDrained(4_000, 600_000, counters::outboxBacklog);
                    report.loadAverages.add(Machine.loadAverage());
                    System.out.printf("Latency: %.0f referrals/s for %d s...%n", options.latencyRate(), options.latencySeconds());
                    String contract = registerContract(client, today);
                    report.latency = new LatencyPhase(bootstrap, new IntakeRun(client, 16, 1))
                            .run(generator, contract, options.latencyRate(), options.latencySeconds());
                    System.out.println("  victim case " + report.latency.victimCase().asMap() + "; feed " + report.latency.feed().asMap());
                    LatencyChart.write(results.resolve("latency.png").toFile(), options.latencyRate(), report.latency.victimCase(),
                            report.latency.feed());
                }
            }
        } finally {
            sampling.set(false);
            if (sampler != null) {
                sampler.join();
                report.residentPeakMiB = peak;
                report.residentPeakLoadingMiB = loadingPeak.isEmpty() ? null : loadingPeak;
            }
            LocalStackProcess running = current.getAndSet(null);
            if (running != null) {
                System.out.println("Stopping the local stack...");
                running.close();
            }
        }
        if (options.phases().contains("rebuild")) {
            report.loadAverages.add(Machine.loadAverage());
            System.out.printf("Rebuild: %,d events onto a scratch stack's topics, then commissioning rebuilds from them...%n",
                    options.rebuildEvents());
            Path data = work.resolve("rebuild");
            deleteTree(data);
            report.rebuild = new RebuildPhase(repo, data, work.resolve("logs"), client, options.rebuildHeap()).run(options.rebuildEvents(), options.seed());
            System.out.println("  " + report.rebuild.asMap());
            deleteTree(data);
        }

        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(results.resolve("report.json"), json.writeValueAsString(report.toMap()));
        String markdown = report.toMarkdown();
        Files.writeString(results.resolve("report.md"), markdown);
        String latest = markdown + "\nFiles: `" + repo.relativize(results) + "/` (report.json, report.md"
                + (report.latency != null ? ", latency.png" : "") + (report.points != null ? ", preload.png, latency-<years>y.png" : "") + ").\n";
        Files.writeString(repo.resolve("benchmark/latest.md"), latest);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Written to " + repo.relativize(results) + "/ and benchmark/latest.md");
        System.exit(0);
    }

    private static ServiceCounters counters(AgencyClient client, ServiceUrls urls) {
        return new ServiceCounters(client, urls.byName());
    }

    static String registerContract(AgencyClient client, LocalDate today) {
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("provider", "Benchmark victim care");
        contract.put("service", "victim support (benchmark)");
        contract.put("pathways", List.of("victim-support"));
        contract.put("districts", List.of("ashford", "canterbury", "dartford", "dover", "gravesham", "maidstone", "sevenoaks",
                "folkestone-and-hythe", "swale", "thanet", "tonbridge-and-malling", "tunbridge-wells"));
        contract.put("period", Map.of("start", today.withDayOfYear(1).toString(), "end", today.withDayOfYear(1).plusYears(1).minusDays(1).toString()));
        contract.put("value", 500_000);
        contract.put("targets", List.of());
        HttpResponse<String> created = client.post(client.urls().commissioning() + "/api/contracts", AgencyClient.PCC_OFFICE, contract);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("the benchmark's contract was refused: " + created.statusCode() + " " + created.body());
        }
        return client.read(created).path("id").asString();
    }

    /**
     * run-local.sh's launcher options with this heap; with BENCHMARK_JFR=1 in the environment the
     * launcher also records a flight recording (the profile the README's performance section reads). With
     * BENCHMARK_C2=1 the launcher compiles hot code with C2 as well (run-local.sh stops at C1, which starts the stack
     * about 6-10 s sooner on 2 cores; see the README's performance section for what C2 buys under load).
     */
    static String launcherOptions(String heap, Path jfr) {
        String jit = System.getenv("BENCHMARK_C2") != null ? "" : " -XX:TieredStopAtLevel=1";
        String options = "-Xms64m -Xmx" + heap + " -XX:+UseSerialGC" + jit + " -Xss512k -XX:+ExitOnOutOfMemoryError";
        String extra = System.getenv("BENCHMARK_LAUNCHER_OPTS"); // e.g. a store setting to compare: -Dsaferkent.store.compress=false
        if (extra != null && !extra.isBlank()) {
            options += " " + extra.trim();
        }
        if (System.getenv("BENCHMARK_JFR") != null) {
            options += " -XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile";
        }
        return options;
    }

    static Double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
