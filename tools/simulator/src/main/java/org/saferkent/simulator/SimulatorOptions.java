package org.saferkent.simulator;

import java.time.LocalDate;

/** The simulator's command line. */
public record SimulatorOptions(long count, double rate, long seed, ServiceUrls urls, String issuer, int concurrency, int batch,
        boolean caseWork, String referencePrefix, LocalDate today, long killEvery, java.nio.file.Path chaosDataDir, int chaosKafkaPort, int chaosMongoPort, boolean help) {

    public static final String USAGE = """
            Usage: simulator.sh [options]   (plays Kent's partner agencies against a running stack)
              --count N            referrals to post (default 100)
              --rate R             referrals per second; 0 = as fast as they are taken (default 10)
              --seed S             the same seed (and day) gives the same referrals (default 1)
              --base-urls LIST     service=url pairs, e.g. referrals=http://127.0.0.1:8081 (default: the local stack)
              --issuer URL         identity server; tokens are used when it answers (default http://127.0.0.1:8090)
              --concurrency N      requests in flight at most (default 8)
              --batch N            post each agency's referrals in batches of N (default 1: one by one)
              --case-work          then work the cases opened: victims' contacts and outcomes, RJ conferences
                                   (and the partner teams answer their inboxes: youth, DAAT, families, ASB)
              --reference-prefix P starts every agency reference (default SIM-<seed>); same prefix = replays
              --today YYYY-MM-DD   the day the referrals are made (default: today)
            Chaos (starts its own stack with run-local.sh --no-build, default ports; build it once first):
              --kill-every N       kill -9 the launcher and the broker in turn every N acknowledged referrals
                                   (a killed launcher is started again, a killed broker by the launcher), then
                                   reconcile: acknowledged / lost / doubled, cases per pathway, counts, backlog
              --chaos-data-dir D   a fresh data directory for that stack (default tools/simulator/target/chaos-<time>)
              --chaos-kafka-port P its broker's port (default 9092; the controller's is P+1)
              --chaos-mongo-port P its store's port (default 27017)
                                   (its services and identity server listen where --base-urls and --issuer say)
            """;

    public static SimulatorOptions parse(String... args) {
        long count = 100;
        double rate = 10;
        long seed = 1;
        String urls = null;
        String issuer = "http://127.0.0.1:8090";
        int concurrency = 8;
        int batch = 1;
        boolean caseWork = false;
        String prefix = null;
        LocalDate today = LocalDate.now();
        long killEvery = 0;
        java.nio.file.Path chaosDataDir = null;
        int chaosKafkaPort = 9092;
        int chaosMongoPort = 27017;
        boolean help = false;
        CommandLine line = new CommandLine(args, USAGE);
        while (line.next()) {
            switch (line.name()) {
                case "-h", "--help" -> help = true;
                case "--case-work" -> caseWork = true;
                case "--count" -> count = Long.parseLong(line.value());
                case "--rate" -> rate = Double.parseDouble(line.value());
                case "--seed" -> seed = Long.parseLong(line.value());
                case "--base-urls" -> urls = line.value();
                case "--issuer" -> issuer = line.value();
                case "--concurrency" -> concurrency = Integer.parseInt(line.value());
                case "--batch" -> batch = Integer.parseInt(line.value());
                case "--reference-prefix" -> prefix = line.value();
                case "--today" -> today = LocalDate.parse(line.value());
                case "--kill-every" -> killEvery = Long.parseLong(line.value());
                case "--chaos-data-dir" -> chaosDataDir = java.nio.file.Path.of(line.value()).toAbsolutePath();
                case "--chaos-kafka-port" -> chaosKafkaPort = Integer.parseInt(line.value());
                case "--chaos-mongo-port" -> chaosMongoPort = Integer.parseInt(line.value());
                default -> throw line.unknown();
            }
        }
        if (count < 0 || concurrency < 1 || batch < 1 || batch > 500) {
            throw new IllegalArgumentException("--count >= 0, --concurrency >= 1 and --batch 1..500\n" + USAGE);
        }
        if (killEvery < 0 || killEvery > 0 && batch > 1) {
            throw new IllegalArgumentException("--kill-every needs a number of referrals >= 1, and referrals posted one by one (no --batch)\n" + USAGE);
        }
        return new SimulatorOptions(count, rate, seed, ServiceUrls.parse(urls), issuer, concurrency, batch, caseWork,
                prefix != null ? prefix : "SIM-" + seed, today, killEvery, chaosDataDir, chaosKafkaPort, chaosMongoPort, help);
    }
}
