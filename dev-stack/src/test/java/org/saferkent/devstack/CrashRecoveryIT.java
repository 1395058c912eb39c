package org.saferkent.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.saferkent.simulator.AgencyClient;
import org.saferkent.simulator.ChaosStack;
import org.saferkent.simulator.Reconciliation;
import org.saferkent.simulator.ServiceUrls;
import org.saferkent.simulator.SteadyLoad;
import org.saferkent.simulator.TokenSource;

/**
 * Crash consistency with real processes: the launcher started as {@code run-local.sh} starts it (a plain
 * {@code java -cp} of this module's classes and the classpath file the build writes), on free ports in
 * its own data directory, under a steady load of Kent-shaped referrals with case work. The launcher and
 * the broker are killed with SIGKILL, alternately, at moments drawn from a seed as numbers of
 * acknowledged referrals since the previous recovery (not as times); the launcher is started again by
 * the test as a user would run {@code run-local.sh} again, the broker by the launcher's supervisor. Then a second
 * launcher starts a second instance of every service against the same broker, store and identity server
 * ({@code --kafka-bootstrap}, {@code --mongo-uri}, {@code --issuer}), the load goes to both in turn, and the second
 * launcher is killed with SIGKILL mid-way (see {@link #twoInstancesThenKillNine}). Afterwards, through the public
 * APIs only: every referral answered 201 exists exactly once, each one routed to victim services has
 * exactly one victim case and each one routed to restorative justice one RJ case, commissioning's counts
 * equal what the services hold, the outbox backlog is empty and no dead letter waits.
 *
 * <p>The data directory stays under {@code target/crash-recovery-it} for a post-mortem (the launcher's
 * console is {@code launcher-console.log}, the services' log {@code logs/stack.log}, the broker's
 * {@code logs/kafka.log}), the second launcher's under {@code target/crash-recovery-it-second}.
 * {@code -Dsaferkent.crash.seed=N} replays another schedule.
 */
class CrashRecoveryIT {

    private static final long SEED = Long.getLong("saferkent.crash.seed", 14);
    /** Acknowledged referrals in the run at least: the kills under load within the build's budget. */
    private static final int REFERRALS = 200;
    /** Each kill comes this many acknowledged referrals after the previous recovery, or up to {@link #MAX_GAP}. */
    private static final int MIN_GAP = 15;
    private static final int MAX_GAP = 80;
    /**
     * One kill of each process, then the second instance's: each kill under load and each recovery proven once
     * (two of each took 100 s more of the build's 15 minutes; {@code ./simulator.sh --kill-every N} runs as many
     * as wanted).
     */
    private static final int KILLS = 2;
    private static final double RATE = 10;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /**
     * Both instances' waits for what a killed one left, shortened (the paths taken are the same): the services count their
     * outbox backlog every second instead of every 10 s (the reconciliation reads that gauge: an empty backlog shows up to
     * 10 s sooner); commissioning's performance refresh lease, which a contender takes over once it saw it unrenewed for a
     * lease of its own, is 10 s instead of 30 s, renewed every 2 s instead of 5 s, and still outlasts a round's publish
     * timeout (5 s instead of 15 s) as the defaults do. Production keeps its defaults: a longer lease costs it nothing.
     */
    private static final List<String> SHORTER_WAITS = List.of("-Dsaferkent.outbox.backlog.check-interval=1s",
            "-Dsaferkent.commissioning.performance.lease=10s", "-Dsaferkent.commissioning.performance.lease-renewal=2s",
            "-Dsaferkent.commissioning.performance.publish-timeout=5s");
    /** The reconciliation is taken as final, though not clean, once it read the same for this long. */
    private static final Duration SETTLED = Duration.ofSeconds(5);

    private enum Kill { LAUNCHER, BROKER }

    @Test
    void nothingAcknowledgedIsLostAndEveryEffectHappensOnceAcrossKillNineOfLauncherAndBroker() throws Exception {
        Path dataDir = freshDirectory(Path.of("target", "crash-recovery-it").toAbsolutePath());
        int kafkaPort = Ports.freePort();
        int mongoPort = Ports.freePort();
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(),
                "--kafka-port", String.valueOf(kafkaPort), "--kafka-controller-port", String.valueOf(Ports.freePort()),
                "--mongo-port", String.valueOf(mongoPort),
                // two service contexts at a time: the build runs this module alone, and each restart is then quicker
                "--start-parallelism", "2"));
        int identityPort = Ports.freePort();
        args.addAll(List.of("--identity-port", String.valueOf(identityPort)));
        ServiceUrls urls = servicePorts(args);
        String issuer = "http://127.0.0.1:" + identityPort;

        Random moments = new Random(SEED);
        List<Kill> kills = new ArrayList<>();
        Kill first = new Random(SEED + 1).nextBoolean() ? Kill.LAUNCHER : Kill.BROKER;
        for (int i = 0; i < KILLS; i++) {
            kills.add(i % 2 == 0 ? first : (first == Kill.LAUNCHER ? Kill.BROKER : Kill.LAUNCHER));
        }

        ChaosStack stack = new ChaosStack(launcherCommand(SHORTER_WAITS, args), dataDir.resolve("launcher-console.log"), urls,
                issuer, kafkaPort);
        // the second instance of every service: its own launcher, the services only, on the first one's broker, store and issuer
        Path secondDir = freshDirectory(Path.of("target", "crash-recovery-it-second").toAbsolutePath());
        List<String> secondArgs = new ArrayList<>(List.of("--data-dir", secondDir.toString(),
                "--kafka-bootstrap", "127.0.0.1:" + kafkaPort, "--mongo-uri", "mongodb://127.0.0.1:" + mongoPort, "--issuer", issuer,
                "--start-parallelism", "2"));
        ServiceUrls secondUrls = servicePorts(secondArgs);
        // What the second instance holds when it is killed is taken over sooner, by the same paths (only the waits are shorter;
        // what is redelivered or republished is the same): its consumers' sessions end 6 s after their last heartbeat (the
        // broker's group.min.session.timeout.ms) instead of 45 s, heartbeating every 2 s, so its partitions go to the first
        // instance that much sooner; its outbox leases (the documents it inserted or claimed and had not published yet) run
        // out after 10 s instead of 30 s, still outlasting a round's publish timeout (5 s instead of 15 s), as the defaults do.
        List<String> secondInstance = new ArrayList<>(SHORTER_WAITS);
        secondInstance.addAll(List.of("-Dspring.kafka.consumer.properties.session.timeout.ms=6000",
                "-Dspring.kafka.consumer.properties.heartbeat.interval.ms=2000",
                "-Dsaferkent.outbox.lease=10s", "-Dsaferkent.outbox.publish-timeout=5s"));
        ChaosStack second = new ChaosStack(launcherCommand(secondInstance, secondArgs), secondDir.resolve("launcher-console.log"),
                secondUrls, issuer, kafkaPort);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
        AgencyClient client = new AgencyClient(http, TokenSource.fromEnvironment(issuer, http), urls);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        SteadyLoad load = new SteadyLoad(client, SEED, today, "CRASH-" + SEED, RATE, 4, true);
        List<String> story = new ArrayList<>();
        try {
            stack.start();
            awaitHealthy(stack);
            load.start();
            for (int i = 0; i < KILLS; i++) {
                // after the previous recovery, under load again for a seeded number of referrals
                int at = load.acknowledgedCount() + MIN_GAP + moments.nextInt(MAX_GAP - MIN_GAP);
                await("referral " + at + " acknowledged").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                        .untilAsserted(() -> {
                            stack.assertLauncherAlive();
                            assertThat(load.acknowledgedCount()).isGreaterThanOrEqualTo(at);
                        });
                long began = System.nanoTime();
                int acknowledgedAtKill = load.acknowledgedCount();
                if (kills.get(i) == Kill.LAUNCHER) {
                    long pid = stack.launcherPid();
                    stack.killLauncher();
                    stack.start();
                    awaitHealthy(stack);
                    // no fresh tokens: the identity server keeps its signing key in the store, so the tokens fetched
                    // before the kill must still be accepted by the restarted services (only whether the issuer
                    // answers is asked again: it did not while the launcher was down)
                    client.stackRestarted();
                    story.add("kill -9 launcher " + pid + " at " + acknowledgedAtKill + " acknowledged, healthy again in "
                            + seconds(began));
                } else {
                    long pid = stack.killBroker();
                    assertThat(pid).as("a broker process to kill").isPositive();
                    await("the launcher to start its broker again").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200))
                            .until(() -> stack.brokerBack(pid));
                    story.add("kill -9 broker " + pid + " at " + acknowledgedAtKill + " acknowledged, back in " + seconds(began));
                }
            }
            story.add(twoInstancesThenKillNine(stack, second, urls, secondUrls, client, load, moments, "127.0.0.1:" + kafkaPort));
            int total = Math.max(REFERRALS, load.acknowledgedCount() + MIN_GAP);
            await("all " + total + " referrals acknowledged").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> load.acknowledgedCount() >= total);
            load.stop();
            story.add(load.acknowledged().size() + " acknowledged, " + load.failed() + " requests failed, "
                    + load.casesWorked() + " cases worked, " + load.partnerAnswers() + " partner teams' answers");

            long settling = System.nanoTime();
            Reconciliation reconciliation = new Reconciliation(client);
            AtomicReference<Reconciliation.Report> last = new AtomicReference<>();
            AtomicReference<String> previous = new AtomicReference<>("");
            AtomicLong unchangedSince = new AtomicLong(System.nanoTime());
            // Events are still on their way for a while: done when all is well, or when nothing has moved for SETTLED.
            // Read at once and then every 3 s (a clean reading ends the wait as soon as it is seen), not first after 5 s
            // and then every 5 s; "nothing moves any more" still means the same reading for at least SETTLED.
            AtomicInteger readings = new AtomicInteger();
            try {
                await("the stack to settle").atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofSeconds(3)).ignoreExceptions().until(() -> {
                            readings.incrementAndGet();
                            Reconciliation.Report report = reconciliation.check(load.acknowledged(), load.agencies());
                            last.set(report);
                            if (!report.toString().equals(previous.get())) {
                                unchangedSince.set(System.nanoTime());
                            }
                            previous.set(report.toString());
                            boolean settled = report.outboxBacklog() == 0
                                    && System.nanoTime() - unchangedSince.get() >= SETTLED.toNanos();
                            return report.clean() || settled;
                        });
            } catch (ConditionTimeoutException stillMoving) {
                story.add("still moving after 3 minutes: the last reading follows");
            }
            assertThat(last.get()).as("a reconciliation could be read").isNotNull();
            story.add("reconciled in " + seconds(settling) + " (" + readings.get() + " readings)");
            Reconciliation.Report report = last.get();
            System.out.println("CrashRecoveryIT (seed " + SEED + "):\n  " + String.join("\n  ", story) + "\n" + report);
            assertThat(report.lost()).as("acknowledged referrals lost\n%s\n%s", story, report).isEmpty();
            assertThat(report.doubled()).as("acknowledged referrals doubled\n%s", report).isEmpty();
            assertThat(report.victimCases().missing()).as("victim cases missing\n%s", report).isEmpty();
            assertThat(report.victimCases().doubled()).as("victim cases doubled\n%s", report).isEmpty();
            assertThat(report.rjCases().missing()).as("RJ cases missing\n%s", report).isEmpty();
            assertThat(report.partnerAnswers().twice()).as("partner teams' answers doubled\n%s", report).isEmpty();
            assertThat(report.countMismatches()).as("commissioning's counts against the services\n%s", report).isEmpty();
            assertThat(report.outboxBacklog()).as("outbox backlog\n%s", report).isZero();
            assertThat(report.stuckDeadLetters()).as("dead letters waiting\n%s", report).isEmpty();
            assertThat(report.once()).isEqualTo(report.acknowledged()).isGreaterThanOrEqualTo(REFERRALS);
        } finally {
            load.stop();
            second.close();
            stack.close();
        }
    }

    /**
     * Two instances of every service on one broker and store: the second launcher starts the services only, against
     * the first one's infrastructure; the load (referrals, case work, the partner teams' answers) goes to each instance
     * in turn, as through a load balancer; at a seeded moment the second launcher is killed with SIGKILL (its consumers
     * leave uncommitted offsets and their group memberships behind, its relay unreleased leases), the load goes on to
     * the first instance alone, and the reconciliation afterwards is the same as for the other kills. Returns once the
     * consumer groups have handed the dead instance's partitions to the live one.
     */
    private static String twoInstancesThenKillNine(ChaosStack first, ChaosStack second, ServiceUrls firstUrls, ServiceUrls secondUrls,
            AgencyClient client, SteadyLoad load, Random moments, String kafkaBootstrap) throws Exception {
        long began = System.nanoTime();
        // no new referrals while it starts (on a busy machine that takes minutes: they would only lengthen the
        // reconciliation); case work on the first instance goes on
        load.pause();
        // the first instance's consumer groups as the broker knows them (after a restart of the broker, once it has them again)
        Map<String, Integer> firstOnly = await("the broker's consumer groups").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(ExecutionException.class)
                .until(() -> groupMembers(kafkaBootstrap), members -> members.values().stream().anyMatch(count -> count > 0));
        List<String> groups = firstOnly.entrySet().stream()
                .filter(group -> group.getValue() > 0 && !group.getKey().startsWith("anonymous.")).map(Map.Entry::getKey).toList();
        assertThat(groups).as("the first instance's consumer groups").isNotEmpty();
        second.start();
        awaitHealthy(second);
        String started = seconds(began);
        client.instances(List.of(firstUrls, secondUrls));
        load.resume();
        int at = load.acknowledgedCount() + MIN_GAP + moments.nextInt(MAX_GAP - MIN_GAP);
        await("referral " + at + " acknowledged by two instances").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    first.assertLauncherAlive();
                    second.assertLauncherAlive();
                    assertThat(load.acknowledgedCount()).isGreaterThanOrEqualTo(at);
                });
        long createdBySecond = createdReferrals(client, secondUrls);
        assertThat(createdBySecond).as("referrals the second instance answered 201 (the load went to both)").isPositive();
        Map<String, Integer> membersBefore = groupMembers(kafkaBootstrap);
        assertThat(groups).as("consumer groups the second instance's services are members of too (%s before it started, %s now)",
                firstOnly, membersBefore).allMatch(group -> membersBefore.getOrDefault(group, 0) > firstOnly.get(group));
        int acknowledgedAtKill = load.acknowledgedCount();
        long pid = second.launcherPid();
        long killed = System.nanoTime();
        second.killLauncher();
        client.instances(List.of(firstUrls)); // the load balancer drops it
        // every consumer group the second instance was in loses its members and is stable again, its partitions now the first's
        await("the consumer groups to let the killed instance go").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(ExecutionException.class).untilAsserted(() -> {
                    first.assertLauncherAlive();
                    Map<String, Integer> now = groupMembers(kafkaBootstrap);
                    assertThat(groups).allMatch(group -> now.getOrDefault(group, 0) < membersBefore.get(group));
                    assertThat(stableGroups(kafkaBootstrap)).containsAll(groups);
                });
        return "second instance of every service healthy in " + started + ", a member of " + groups.size() + " consumer groups, "
                + createdBySecond + " referrals created there, "
                + "kill -9 of its launcher " + pid + " at " + acknowledgedAtKill + " acknowledged, its consumers' partitions taken over in "
                + seconds(killed);
    }

    /** POST /api/referrals answered 201 by this instance of referrals, from its own metrics. */
    private static long createdReferrals(AgencyClient client, ServiceUrls instance) {
        java.net.http.HttpResponse<String> metrics = client.get(instance.referrals() + "/actuator/prometheus", "ops");
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        return metrics.body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("method=\"POST\"")
                        && line.contains("status=\"201\"") && line.contains("uri=\"/api/referrals\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Each consumer group's members now. */
    private static Map<String, Integer> groupMembers(String bootstrap) throws Exception {
        Map<String, Integer> members = new java.util.TreeMap<>();
        describeGroups(bootstrap).forEach((group, description) -> members.put(group, description.members().size()));
        return members;
    }

    private static List<String> stableGroups(String bootstrap) throws Exception {
        return describeGroups(bootstrap).values().stream()
                .filter(description -> description.groupState() == org.apache.kafka.common.GroupState.STABLE)
                .map(ConsumerGroupDescription::groupId).toList();
    }

    private static Map<String, ConsumerGroupDescription> describeGroups(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "crash-recovery-it-groups"))) {
            List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(15, TimeUnit.SECONDS)
                    .stream().map(GroupListing::groupId).toList();
            return admin.describeConsumerGroups(groups).all().get(15, TimeUnit.SECONDS);
        }
    }

    /** A free port for each service (added to the launcher's arguments), and where they will answer. */
    private static ServiceUrls servicePorts(List<String> args) {
        String[] bases = new String[SaferKentService.values().length];
        for (SaferKentService service : SaferKentService.values()) {
            int port = Ports.freePort();
            args.addAll(List.of("--service-port", service.serviceName() + "=" + port));
            bases[service.ordinal()] = "http://127.0.0.1:" + port;
        }
        return new ServiceUrls(bases[SaferKentService.REFERRALS.ordinal()], bases[SaferKentService.VICTIMS.ordinal()],
                bases[SaferKentService.RESTORATIVE_JUSTICE.ordinal()], bases[SaferKentService.COMMISSIONING.ordinal()],
                bases[SaferKentService.OPS_MONITOR.ordinal()], bases[SaferKentService.PARTNERSHIP.ordinal()]);
    }

    private static void awaitHealthy(ChaosStack stack) {
        await("the local stack to be healthy").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            stack.assertLauncherAlive();
            assertThat(stack.healthy()).isTrue();
        });
    }

    /** What run-local.sh runs, with a smaller launcher heap than a user's (the build runs beside it). */
    private static List<String> launcherCommand(List<String> jvmOptions, List<String> args) throws IOException {
        Path classpathFile = Path.of("target", "local-stack.classpath");
        assertThat(classpathFile).as("written by the package phase of this module's build").exists();
        String classpath = Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, LocalStackMain.class.getName()));
        command.addAll(args);
        return command;
    }

    private static Path freshDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static String seconds(long began) {
        return String.format("%.1f s", (System.nanoTime() - began) / 1e9);
    }
}
