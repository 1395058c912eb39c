package org.saferkent.devstack;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.saferkent.devstack.BoundedWait.Attempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker (KRaft, single node, combined broker and controller) in its own child JVM.
 *
 * <p>Its own process rather than in the launcher JVM: the broker has its own heap, its own garbage
 * collector and its own crash domain, it can be stopped and restarted independently (as the restart
 * test does), and the services talk to it over real sockets exactly as they would to a cluster.
 *
 * <p>The child's classpath is the launcher's own ({@code java.class.path}, passed in the
 * {@code CLASSPATH} variable so {@code ps} stays readable): {@code kafka_2.13} is a dependency of this
 * module. A manifest-only classpath jar, as Surefire and some IDEs use, works too: the child JVM
 * expands its {@code Class-Path}. Kafka's SLF4J logging goes to logback (already on that classpath),
 * configured by {@code kafka-broker-logback.xml} to write {@code <logs>/kafka.log}.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerProcess.class);

    private static final String LOGBACK_CONFIG = "org/saferkent/devstack/kafka-broker-logback.xml";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Where and how to run the broker.
     *
     * @param home directory for {@code server.properties} and the log directory (topic data)
     * @param logsDir directory for the broker's own log files
     * @param brokerPort PLAINTEXT listener for clients; 0 picks a free port
     * @param controllerPort KRaft controller listener; 0 picks a free port
     * @param heap maximum heap of the broker JVM, e.g. {@code 256m}
     */
    public record Settings(Path home, Path logsDir, int brokerPort, int controllerPort, String heap) {

        public Settings {
            home = home.toAbsolutePath();
            logsDir = logsDir.toAbsolutePath();
        }

        public static Settings under(Path dataDir, int brokerPort, int controllerPort) {
            return new Settings(dataDir.resolve("kafka"), dataDir.resolve("logs"), brokerPort, controllerPort, "256m");
        }

        public Settings withHeap(String heap) {
            return new Settings(home, logsDir, brokerPort, controllerPort, heap);
        }
    }

    private final Settings settings;
    private final KafkaBrokerConfig config;
    private final Process process;
    private final CompletableFuture<Integer> unexpectedExit = new CompletableFuture<>();
    private volatile boolean stopping;

    private KafkaBrokerProcess(Settings settings, KafkaBrokerConfig config, Process process) {
        this.settings = settings;
        this.config = config;
        this.process = process;
        // The services would only log connection warnings: say loudly, once, what actually happened.
        process.onExit().thenAccept(exited -> {
            if (!stopping) {
                log.error("Kafka broker (pid {}) exited unexpectedly with code {}; {}", exited.pid(),
                        exited.exitValue(), LogTail.of(logFile(), 5));
                unexpectedExit.complete(exited.exitValue());
            }
        });
    }

    /**
     * Completes with the exit code when the broker process ends without {@link #close()} having been
     * called (killed, crashed, out of memory); never completes for a broker stopped on purpose.
     */
    public CompletableFuture<Integer> unexpectedExit() {
        return unexpectedExit;
    }

    /**
     * The same broker again: the same ports (already resolved, so clients' bootstrap addresses stay
     * valid), the same topic data and logs. For restarting a broker that died.
     */
    public Settings settingsForRestart() {
        return new Settings(settings.home(), settings.logsDir(), config.brokerPort(), config.controllerPort(), settings.heap());
    }

    /** Launches the broker and waits until it answers an admin request. */
    public static KafkaBrokerProcess start(Settings settings, Duration readyTimeout) throws Exception {
        KafkaBrokerProcess broker = launch(settings);
        try {
            broker.awaitReady(readyTimeout);
            return broker;
        } catch (Exception e) {
            broker.close();
            throw e;
        }
    }

    /**
     * Formats the storage on first use, then starts the broker process without waiting for it, so the
     * caller can do other work while the broker boots (a few seconds).
     */
    public static KafkaBrokerProcess launch(Settings settings) throws IOException, InterruptedException {
        KafkaBrokerConfig config = new KafkaBrokerConfig(settings.home().resolve("log-dir"),
                Ports.resolve(settings.brokerPort()), Ports.resolve(settings.controllerPort()));
        Path serverProperties = settings.home().resolve("server.properties");
        config.writeTo(serverProperties);
        Files.createDirectories(settings.logsDir());
        formatStorageIfNeeded(settings, config, serverProperties);

        List<String> command = new ArrayList<>(javaCommand(settings));
        command.add(KafkaBrokerMain.class.getName());
        command.add(serverProperties.toString());
        // Its own session: a Ctrl-C in the terminal then reaches only the launcher, which stops the
        // services first and the broker last; otherwise the broker would vanish under closing consumers.
        sessionLeaderCommand().ifPresent(setsid -> command.add(0, setsid));

        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(settings.logsDir().resolve("kafka-console.log").toFile()));
        // appended: a restarted broker keeps its predecessor's last words (why it died).
        // stdin stays a pipe: the child's watchdog treats its end-of-file as the launcher's death.
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        log.debug("Kafka broker process {} launched: {}", process.pid(), command);
        return new KafkaBrokerProcess(settings, config, process);
    }

    /** Waits until the broker accepts connections and reports itself in the cluster metadata. */
    public void awaitReady(Duration timeout) throws Exception {
        long started = System.nanoTime();
        BoundedWait.until("Kafka broker to listen on " + bootstrapServers(), timeout, Duration.ofMillis(100),
                () -> {
                    assertAlive();
                    return Ports.isAccepting(config.brokerPort())
                            ? Attempt.ready(true) : Attempt.notYet("port " + config.brokerPort() + " not open");
                });
        // An open port is not yet a usable broker; an admin round trip is.
        Duration remaining = timeout.minusNanos(System.nanoTime() - started);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-readiness"))) {
            BoundedWait.until("Kafka broker to answer describeCluster", remaining, Duration.ofMillis(200), () -> {
                assertAlive();
                try {
                    Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                            .nodes().get(3, TimeUnit.SECONDS);
                    return nodes.isEmpty() ? Attempt.notYet("no nodes in cluster metadata") : Attempt.ready(nodes);
                } catch (ExecutionException | TimeoutException e) {
                    return Attempt.notYet(String.valueOf(e.getCause() != null ? e.getCause() : e));
                }
            });
        }
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public int brokerPort() {
        return config.brokerPort();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public Path logFile() {
        return settings.logsDir().resolve("kafka.log");
    }

    /**
     * Stops the broker gracefully (SIGTERM: Kafka flushes and closes its logs), waiting a bounded time
     * before killing it.
     */
    @Override
    public void close() {
        stopping = true;
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Kafka broker {} did not stop within {} s: killing it", process.pid(), STOP_TIMEOUT.toSeconds());
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void assertAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka broker process exited with code " + process.exitValue() + "; "
                    + LogTail.of(logFile(), 15) + "\n  " + LogTail.of(settings.logsDir().resolve("kafka-console.log"), 10));
        }
    }

    /**
     * Formats the KRaft storage once; {@code meta.properties} marks a formatted log directory, whose
     * data (and cluster id) must then survive restarts.
     */
    private static void formatStorageIfNeeded(Settings settings, KafkaBrokerConfig config, Path serverProperties)
            throws IOException, InterruptedException {
        if (Files.exists(config.logDir().resolve("meta.properties"))) {
            return;
        }
        // What `kafka-storage random-uuid` prints, without starting a JVM for it.
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = new ArrayList<>(javaCommand(settings));
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", serverProperties.toString()));
        Path output = settings.logsDir().resolve("kafka-format.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(output.toFile()));
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process format = builder.start();
        format.getOutputStream().close();
        if (!format.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            format.destroyForcibly();
            throw new IllegalStateException("Formatting Kafka storage timed out; " + LogTail.of(output, 15));
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed (exit " + format.exitValue() + "); "
                    + LogTail.of(output, 15));
        }
        log.info("Formatted Kafka storage in {} (cluster id {})", config.logDir(), clusterId);
    }

    private static List<String> javaCommand(Settings settings) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java,
                "-Xms32m", "-Xmx" + settings.heap(),
                // Small footprint over peak throughput: one machine, two cores, a development broker.
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + LOGBACK_CONFIG,
                "-Dkafka.logs.dir=" + settings.logsDir(),
                "-D" + KafkaBrokerMain.EXIT_WITH_PARENT + "=true");
    }

    /** {@code setsid} where it exists (Linux); elsewhere the broker shares the terminal's signals. */
    private static Optional<String> sessionLeaderCommand() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "setsid");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
