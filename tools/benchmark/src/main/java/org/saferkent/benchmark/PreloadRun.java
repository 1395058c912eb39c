package org.saferkent.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.saferkent.simulator.AgencyClient;
import org.saferkent.simulator.CaseWork;
import org.saferkent.simulator.IntakeRun;
import org.saferkent.simulator.ReferralGenerator;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * {@code --preload-years 0,1,7}: one stack, measured at each point with that much history stored. The
 * stack starts fresh; a few hundred referrals are posted and their cases worked and closed (the chains
 * {@link HistoryPreload} copies); then at each point the stack is stopped, the history up to that point
 * is preloaded with only the broker and the store running, the stack is started again on the same data,
 * and the store's own insert rate, intake end to end (with store writes per referral) and latency at a
 * steady rate are measured.
 */
final class PreloadRun {

    /** What one point measured. */
    record Point(double years, long referralsStored, long storeFileBytes, HistoryPreload.Figures preload, Double indexBuildSeconds,
            Double healthySeconds, Limits.StoreFigures store, IntakePhase.Figures intake, LatencyPhase.Figures latency) {
    }

    /**
     * The store's setting while history is bulk-loaded (the stack started {@code --infra-only}): H2's background
     * compaction keeps 90% of the file live, as H2 does by default, instead of the stack's 50%. A load far faster than
     * Kent's 281 referrals a day left the file mostly dead space at 50% (12.3 GB at a year, about 17 GB a year more:
     * seven years did not fit the disk); the points are measured after a restart with the stack's own setting. The
     * store keeps no secondary index while loading ({@code bulk-load}): kept document by document they made the load
     * write an index page per document at every commit (a year took 14 minutes, and each year more than the last).
     */
    static final String BULK_LOAD_STORE = "-Dsaferkent.store.auto-compact-fill-rate=90 -Dsaferkent.store.bulk-load=true";
    /** The store opened once after a load, alone, to build the indexes the load left out (more page cache for it). */
    static final String BUILD_INDEXES_STORE = "-Dsaferkent.store.auto-compact-fill-rate=90 -Dsaferkent.store.cache-mb=256"
            + " -Dsaferkent.store.commit-buffer-mb=256";

    /** The stack as it runs now: PreloadRun restarts it, the benchmark's sampler and its final stop follow. */
    interface Stack {
        /** The whole stack, with its own settings. */
        LocalStackProcess start() throws Exception;

        /** Only the broker and the store ({@code --infra-only}), the launcher recorded as {@code name} with this heap and store settings. */
        LocalStackProcess startInfrastructure(String name, String heap, String storeOptions) throws Exception;

        void stop() throws Exception;
    }

    private final BenchmarkOptions options;
    private final AgencyClient client;
    private final Stack stack;
    private final Supplier<ServiceCounters> counters;
    private final Path results;
    /** The store's file (the local stack's H2 file): its size at each point. */
    private final Path storeFile;

    PreloadRun(BenchmarkOptions options, AgencyClient client, Stack stack, Supplier<ServiceCounters> counters, Path results,
            Path storeFile) {
        this.options = options;
        this.client = client;
        this.stack = stack;
        this.counters = counters;
        this.results = results;
        this.storeFile = storeFile;
    }

    /** The stack is running, fresh; it is running again (with the last point's history) when this returns. */
    List<Point> run(ReferralGenerator generator, Report report) throws Exception {
        String bootstrap = LocalStackProcess.kafkaBootstrap();
        Instant now = Instant.now();
        List<HistoryPreload.Template> templates;
        System.out.println("Preload: posting referrals and closing their cases, the chains the history copies...");
        try (Quiescence quiescence = new Quiescence(bootstrap); MongoClient mongo = MongoClients.create(LocalStackProcess.mongoUri())) {
            seed(generator, options.quick() ? 150 : 400);
            quiescence.awaitDrained(4_000, 600_000, counters.get()::outboxBacklog);
            templates = HistoryPreload.captureTemplates(mongo);
            System.out.printf("  %d settled chains to copy (%d with an RJ case, %d without a victim case)%n", templates.size(),
                    templates.stream().filter(HistoryPreload.Template::rjCase).count(),
                    templates.stream().filter(t -> !t.victimCase()).count());
        }
        List<Point> points = new ArrayList<>();
        double stored = 0;
        for (double years : options.preloadYears()) {
            HistoryPreload.Figures preload = null;
            Double indexSeconds = null;
            Double healthy = null;
            if (years > stored) {
                System.out.printf("Preload: stopping the stack, %s to %s years of history into the stores and topics...%n", fmt(stored),
                        fmt(years));
                stack.stop();
                LocalStackProcess infra = stack.startInfrastructure("preload", "1g", BULK_LOAD_STORE);
                try (Quiescence kafka = new Quiescence(bootstrap); MongoClient mongo = MongoClients.create(LocalStackProcess.mongoUri())) {
                    awaitBroker(kafka, infra);
                    preload = HistoryPreload.preload(mongo, kafka, bootstrap, templates, now, years, stored, options.seed() + points.size());
                }
                System.out.printf("  %s%n", preload.asMap());
                stack.stop();
                System.out.println("  building the store's indexes the load left out...");
                long building = System.nanoTime();
                stack.startInfrastructure("index-build", "1500m", BUILD_INDEXES_STORE);
                awaitStore(Duration.ofHours(3));
                indexSeconds = BenchmarkMain.round((System.nanoTime() - building) / 1e9);
                System.out.printf("  indexes built, the store open %.1f s after the command%n", indexSeconds);
                stack.stop();
                LocalStackProcess services = stack.start();
                healthy = BenchmarkMain.round(services.awaitHealthy(List.copyOf(LocalStackProcess.HEALTH.keySet()), Duration.ofMinutes(10)));
                client.forgetTokens(); // the identity server signs with a new key after a restart
                System.out.printf("  healthy again %.1f s after the command%n", healthy);
                stored = years;
            }
            points.add(measure(years, preload, indexSeconds, healthy, generator, report));
        }
        return points;
    }

    private Point measure(double years, HistoryPreload.Figures preload, Double indexSeconds, Double healthy, ReferralGenerator generator,
            Report report)
            throws Exception {
        String bootstrap = LocalStackProcess.kafkaBootstrap();
        long referrals;
        try (MongoClient mongo = MongoClients.create(LocalStackProcess.mongoUri())) {
            referrals = mongo.getDatabase("referrals").getCollection("referrals").estimatedDocumentCount();
        }
        long fileBytes = java.nio.file.Files.exists(storeFile) ? java.nio.file.Files.size(storeFile) : 0;
        System.out.printf("At %s years (%,d referrals stored; store file %,.2f GB):%n", fmt(years), referrals, fileBytes / 1e9);
        try (Quiescence quiescence = new Quiescence(bootstrap)) {
            ServiceCounters counters = this.counters.get();
            quiescence.awaitDrained(4_000, 1_800_000, counters::outboxBacklog);
            Limits.StoreFigures store = Limits.store(LocalStackProcess.mongoUri(), options.storeDocuments());
            System.out.printf("  store %,.0f insertOne/s, %,.0f insertMany/s%n", store.insertOnePerSecond(), store.insertManyPerSecond());
            report.loadAverages.add(Machine.loadAverage());
            IntakePhase.Figures intake = null;
            if (options.phases().contains("intake")) {
                intake = new IntakePhase(new IntakeRun(client, 4, 100), quiescence, counters)
                        .run(generator, options.warmupSeconds(), false, options.sustainSeconds(), 1800);
                System.out.println("  intake " + intake.asMap());
            }
            LatencyPhase.Figures latency = null;
            if (options.phases().contains("latency")) {
                quiescence.awaitDrained(4_000, 600_000, counters::outboxBacklog);
                report.loadAverages.add(Machine.loadAverage());
                String contract = BenchmarkMain.registerContract(client, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
                latency = new LatencyPhase(bootstrap, new IntakeRun(client, 16, 1))
                        .run(generator, contract, options.latencyRate(), options.latencySeconds());
                System.out.println("  victim case " + latency.victimCase().asMap() + "; feed " + latency.feed().asMap());
                LatencyChart.write(results.resolve("latency-" + fmt(years) + "y.png").toFile(), options.latencyRate(), latency.victimCase(),
                        latency.feed());
            }
            return new Point(years, referrals, fileBytes, preload, indexSeconds, healthy, store, intake, latency);
        }
    }

    /** Referrals posted and their cases worked until closed where the simulator's practitioners close them. */
    private void seed(ReferralGenerator generator, int count) throws InterruptedException {
        List<IntakeRun.Posted> created = new ArrayList<>();
        new IntakeRun(client, 4, 1).run(IntakeRun.endless(generator), count, 0, posted -> {
            if (posted.created()) {
                synchronized (created) {
                    created.add(posted);
                }
            }
        });
        CaseWork work = new CaseWork(client, options.seed(), java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        List<IntakeRun.Posted> waiting = new ArrayList<>(created);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            List<IntakeRun.Posted> notYet = new ArrayList<>();
            for (IntakeRun.Posted posted : waiting) {
                CaseWork.Steps steps = work.work(posted.referral(), posted.referralId());
                boolean expectsCase = posted.referral().pathways().stream()
                        .anyMatch(p -> List.of("victim-support", "domestic-abuse", "restorative-justice").contains(p));
                if (expectsCase && !steps.victimCaseFound() && !steps.rjCaseFound()) {
                    notYet.add(posted);
                }
            }
            waiting = notYet;
            if (!waiting.isEmpty()) {
                Thread.sleep(500); // cases open a moment after their referral
            }
        }
        System.out.printf("  %d referrals posted, cases worked (%d still without a case)%n", created.size(), waiting.size());
    }

    /** Waits until the broker answers (the rebuild's scratch stack and the preload's infrastructure). */
    static void awaitBroker(Quiescence kafka, LocalStackProcess infra) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                kafka.admin().describeCluster().nodes().get(2, java.util.concurrent.TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                Thread.sleep(250); // waiting for the broker to start
            }
        }
        throw new IllegalStateException("the broker did not start");
    }

    /** Waits until the store answers (it listens once its file is open and its indexes are built). */
    static void awaitStore(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        com.mongodb.MongoClientSettings settings = com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(LocalStackProcess.mongoUri()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, java.util.concurrent.TimeUnit.SECONDS)).build();
        try (MongoClient mongo = MongoClients.create(settings)) {
            while (System.nanoTime() < deadline) {
                try {
                    mongo.getDatabase("admin").runCommand(new org.bson.Document("ping", 1));
                    return;
                } catch (com.mongodb.MongoException notYet) {
                    Thread.sleep(1_000); // the store is still opening
                }
            }
        }
        throw new IllegalStateException("the store did not open within " + limit);
    }

    static String fmt(double years) {
        return years == Math.rint(years) ? Long.toString((long) years) : Double.toString(years);
    }

    static Map<String, Object> asMap(Point point) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("years", point.years());
        map.put("referralsStored", point.referralsStored());
        map.put("storeFileBytes", point.storeFileBytes());
        map.put("preload", point.preload() == null ? null : point.preload().asMap());
        map.put("secondsToBuildIndexesAfterPreload", point.indexBuildSeconds());
        map.put("secondsFromCommandToAllHealthy", point.healthySeconds());
        map.put("limits", Limits.asMap(null, point.store()));
        map.put("intake", point.intake() == null ? null : point.intake().asMap());
        map.put("latency", point.latency() == null ? null : point.latency().asMap());
        return map;
    }
}
