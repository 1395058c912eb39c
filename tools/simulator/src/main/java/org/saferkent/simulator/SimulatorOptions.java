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
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                value = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            switch (arg) {
                case "-h", "--help" -> help = true;
                case "--case-work" -> caseWork = true;
                default -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--count" -> count = Long.parseLong(value);
                        case "--rate" -> rate = Double.parseDouble(value);
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--base-urls" -> urls = value;
                        case "--issuer" -> issuer = value;
                        case "--concurrency" -> concurrency = Integer.parseInt(value);
                        case "--batch" -> batch = Integer.parseInt(value);
                        case "--reference-prefix" -> prefix = value;
                        case "--today" -> today = LocalDate.parse(value);
                        case "--kill-every" -> killEvery = Long.parseLong(value);
                        case "--chaos-data-dir" -> chaosDataDir = java.nio.file.Path.of(value).toAbsolutePath();
                        case "--chaos-kafka-port" -> chaosKafkaPort = Integer.parseInt(value);
                        case "--chaos-mongo-port" -> chaosMongoPort = Integer.parseInt(value);
                        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                    }
                }
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
