package org.saferkent.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * {@code simulator.sh --kill-every N}: a long run under kill -9. Starts its own local stack
 * ({@code run-local.sh --no-build} in a fresh data directory, on the default ports), posts Kent-shaped
 * referrals at a steady rate with case work, and every N acknowledged referrals kills, with SIGKILL,
 * the launcher and the broker in turn: a killed launcher is started again as a user would, a killed
 * broker is started again by the launcher's own supervisor. At the end it reconciles what was
 * acknowledged with what the stack holds, through the public APIs, and prints acknowledged / lost /
 * doubled, the cases per pathway, the partner teams' answers (each at most once per pathway),
 * commissioning's counts against the services, the outbox backlog and the dead letters waiting. Exit
 * code 0 only when nothing was lost, doubled or left behind.
 */
public final class ChaosRun {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);

    private final SimulatorOptions options;
    private final Path repo;
    private final PrintStream out;

    public ChaosRun(SimulatorOptions options, Path repo, PrintStream out) {
        this.options = options;
        this.repo = repo;
        this.out = out;
    }

    /** @return whether the reconciliation came out clean */
    public boolean run() throws IOException, InterruptedException {
        Path dataDir = options.chaosDataDir() != null ? options.chaosDataDir()
                : repo.resolve("tools/simulator/target/chaos-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(dataDir.resolve("mongo"))) {
            throw new IllegalArgumentException(dataDir + " holds a stack's data already: a chaos run needs a fresh data directory");
        }
        Files.createDirectories(dataDir);
        ChaosStack stack = new ChaosStack(launcherCommand(dataDir), dataDir.resolve("launcher-console.log"), options.urls(), options.issuer(),
                options.chaosKafkaPort());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        AgencyClient client = new AgencyClient(http, TokenSource.fromEnvironment(options.issuer(), http), options.urls());
        SteadyLoad load = new SteadyLoad(client, options.seed(), options.today(), options.referencePrefix(), options.rate(),
                options.concurrency(), options.caseWork());
        out.printf("Chaos run: %d referrals at %.1f/s, kill -9 every %d acknowledged (launcher and broker in turn); data in %s%n",
                options.count(), options.rate(), options.killEvery(), dataDir);
        long began = System.nanoTime();
        try {
            stack.start();
            awaitHealthy(stack);
            out.printf("Stack healthy in %s%n", since(began));
            load.start();
            int kills = 0;
            int launcherKills = 0;
            int brokerKills = 0;
            long nextKill = options.killEvery();
            while (true) {
                long target = Math.min(nextKill, options.count());
                poll("referral " + target + " acknowledged", Duration.ofMinutes(10), () -> {
                    stack.assertLauncherAlive();
                    return load.acknowledgedCount() >= target;
                });
                if (target >= options.count()) {
                    break;
                }
                long killBegan = System.nanoTime();
                int acknowledgedAtKill = load.acknowledgedCount();
                kills++;
                if (kills % 2 == 1) {
                    long pid = stack.launcherPid();
                    stack.killLauncher();
                    stack.start();
                    awaitHealthy(stack);
                    client.forgetTokens(); // not needed by the launcher's own identity server (its key is kept in the store); cheap
                    launcherKills++;
                    out.printf("kill %d: kill -9 launcher %d at %d acknowledged; healthy again in %s%n", kills, pid, acknowledgedAtKill,
                            since(killBegan));
                } else {
                    long pid = stack.killBroker();
                    if (pid < 0) {
                        throw new IllegalStateException("no broker process to kill");
                    }
                    poll("the launcher to start its broker again", START_TIMEOUT, () -> stack.brokerBack(pid));
                    brokerKills++;
                    out.printf("kill %d: kill -9 broker %d at %d acknowledged; back in %s%n", kills, pid, acknowledgedAtKill,
                            since(killBegan));
                }
                nextKill += options.killEvery();
            }
            load.stop();
            out.printf("Posted for %s: %d acknowledged, %d requests failed (not acknowledged), %d cases worked, %d partner teams' answers; %d launcher and %d broker kills%n",
                    since(began), load.acknowledgedCount(), load.failed(), load.casesWorked(), load.partnerAnswers(), launcherKills,
                    brokerKills);

            Reconciliation reconciliation = new Reconciliation(client);
            Reconciliation.Report[] last = new Reconciliation.Report[1];
            String[] previous = {""};
            long settleBegan = System.nanoTime();
            try {
                poll("the stack to settle", SETTLE_TIMEOUT, () -> {
                    Reconciliation.Report report;
                    try {
                        report = reconciliation.check(load.acknowledged(), load.agencies());
                    } catch (RuntimeException e) {
                        out.println("Reconciliation could not read everything yet: " + e.getMessage());
                        return false;
                    }
                    last[0] = report;
                    boolean settled = report.outboxBacklog() == 0 && report.toString().equals(previous[0]);
                    previous[0] = report.toString();
                    return report.clean() || settled;
                }, Duration.ofSeconds(10));
            } catch (IllegalStateException timedOut) {
                out.println("Still moving after " + SETTLE_TIMEOUT + "; the last reading:");
            }
            Reconciliation.Report report = last[0];
            if (report == null) {
                out.println("RESULT: no reconciliation could be read");
                return false;
            }
            out.printf("Reconciled after %s:%n%s%n", since(settleBegan), report);
            out.printf("RESULT: %d acknowledged / %d lost / %d doubled; %s%n", report.acknowledged(), report.lost().size(),
                    report.doubled().size(), report.clean() ? "clean" : "NOT clean");
            return report.clean();
        } finally {
            load.stop();
            stack.close();
        }
    }

    /** run-local.sh on the ports the options name: the services' and identity server's from their URLs. */
    private List<String> launcherCommand(Path dataDir) {
        ServiceUrls urls = options.urls();
        List<String> command = new java.util.ArrayList<>(List.of(repo.resolve("run-local.sh").toString(), "--no-build",
                "--data-dir", dataDir.toString(),
                "--kafka-port", String.valueOf(options.chaosKafkaPort()),
                "--kafka-controller-port", String.valueOf(options.chaosKafkaPort() + 1),
                "--mongo-port", String.valueOf(options.chaosMongoPort()),
                "--identity-port", String.valueOf(java.net.URI.create(options.issuer()).getPort())));
        urls.byName().forEach((service, url) -> command.addAll(List.of("--service-port", service + "=" + java.net.URI.create(url).getPort())));
        return command;
    }

    private static void awaitHealthy(ChaosStack stack) {
        poll("the local stack to be healthy (see " + stack.log() + ")", START_TIMEOUT, () -> {
            stack.assertLauncherAlive();
            return stack.healthy();
        });
    }

    private static void poll(String what, Duration bound, BooleanSupplier condition) {
        poll(what, bound, condition, Duration.ofMillis(200));
    }

    /** Polls a condition the way an operator's script would, up to a bound. */
    private static void poll(String what, Duration bound, BooleanSupplier condition, Duration every) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + bound);
            }
            LockSupport.parkNanos(every.toNanos());
        }
    }

    private static String since(long began) {
        return String.format("%.1f s", (System.nanoTime() - began) / 1e9);
    }
}
