package org.saferkent.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The local stack as real operating-system processes, to be killed: the launcher JVM (store, identity
 * server, services) started from a command line, and its child, the Kafka broker. Both kills are
 * {@code kill -9} (SIGKILL: no shutdown hook, no flush). A killed launcher takes its broker with it
 * (the broker stops itself when its stdin closes); a killed broker is started again by the launcher's
 * supervisor. Nothing here waits by sleeping: the callers poll {@link #healthy()} and
 * {@link #brokerBack(long)} with their own bounds.
 */
public final class ChaosStack implements AutoCloseable {

    /** The class the broker's child JVM runs: how it is told apart from any other child. */
    private static final String BROKER_MAIN = "org.saferkent.devstack.KafkaBrokerMain";
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    private final List<String> command;
    private final Path log;
    private final ServiceUrls urls;
    private final String issuer;
    private final int kafkaPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process launcher;

    /**
     * @param command   starts the launcher in the foreground, e.g. {@code java -cp ... LocalStackMain --data-dir d}
     *                  or {@code run-local.sh --no-build --data-dir d}; the same command restarts it
     * @param log       where the launcher's console goes (appended across restarts)
     * @param kafkaPort the broker's client port, to know when a restarted broker listens
     */
    public ChaosStack(List<String> command, Path log, ServiceUrls urls, String issuer, int kafkaPort) {
        this.command = List.copyOf(command);
        this.log = log;
        this.urls = urls;
        this.issuer = issuer.replaceAll("/+$", "");
        this.kafkaPort = kafkaPort;
    }

    /** Starts the launcher (returns at once; poll {@link #healthy()}). */
    public void start() throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        launcher = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    public long launcherPid() {
        return launcher().pid();
    }

    public boolean launcherAlive() {
        return launcher().isAlive();
    }

    /** The broker JVM, if it runs now. */
    public Optional<ProcessHandle> broker() {
        return launcher().toHandle().children().filter(ProcessHandle::isAlive).filter(ChaosStack::isBroker).findFirst();
    }

    /**
     * {@code kill -9} the launcher, then waits (bounded) until it and its broker are gone, so that the
     * same ports and data directory are free for {@link #start()}.
     */
    public void killLauncher() throws InterruptedException {
        Process killed = launcher();
        Optional<ProcessHandle> broker = broker();
        killed.destroyForcibly(); // SIGKILL
        awaitExit(killed.toHandle(), "launcher");
        // the broker notices its stdin closed and stops; it must be gone before a new launcher starts
        if (broker.isPresent()) {
            awaitExit(broker.get(), "broker");
        }
    }

    /** {@code kill -9} the broker; returns its pid (to recognise its successor), or -1 when none ran. */
    public long killBroker() throws InterruptedException {
        Optional<ProcessHandle> broker = broker();
        if (broker.isEmpty()) {
            return -1;
        }
        broker.get().destroyForcibly(); // SIGKILL
        awaitExit(broker.get(), "broker");
        return broker.get().pid();
    }

    /** A broker other than {@code killedPid} runs and accepts connections. */
    public boolean brokerBack(long killedPid) {
        return broker().filter(b -> b.pid() != killedPid).isPresent() && accepting(kafkaPort);
    }

    /** The launcher runs, the identity server hands out tokens' keys and every service says UP. */
    public boolean healthy() {
        if (launcher == null || !launcher.isAlive()) {
            return false;
        }
        if (!ok(issuer + "/oauth2/jwks", null)) {
            return false;
        }
        for (String base : urls.byName().values()) {
            if (!ok(base + "/actuator/health", "\"UP\"")) {
                return false;
            }
        }
        return true;
    }

    /** Fails fast when the launcher exited by itself (it refused to start): its log says why. */
    public void assertLauncherAlive() {
        Process current = launcher();
        if (!current.isAlive()) {
            throw new IllegalStateException("the launcher exited with code " + current.exitValue() + " (see " + log + ")");
        }
    }

    public Path log() {
        return log;
    }

    /** SIGTERM: the launcher stops services, store and broker in order. */
    @Override
    public void close() throws InterruptedException {
        Process current = launcher;
        if (current == null || !current.isAlive()) {
            return;
        }
        Optional<ProcessHandle> broker = broker();
        current.destroy();
        if (!current.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            current.destroyForcibly();
            current.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        if (broker.isPresent()) {
            try {
                awaitExit(broker.get(), "broker");
            } catch (IllegalStateException e) {
                broker.get().destroyForcibly();
            }
        }
    }

    private Process launcher() {
        if (launcher == null) {
            throw new IllegalStateException("the stack was not started");
        }
        return launcher;
    }

    private static boolean isBroker(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.commandLine().map(line -> line.contains(BROKER_MAIN)).orElse(false)
                || info.arguments().map(args -> List.of(args).contains(BROKER_MAIN)).orElse(false);
    }

    private static void awaitExit(ProcessHandle process, String what) throws InterruptedException {
        try {
            process.onExit().get(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the " + what + " (pid " + process.pid() + ") still runs " + EXIT_TIMEOUT + " after it should have stopped");
        }
    }

    private boolean ok(String url, String mustContain) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && (mustContain == null || response.body().contains(mustContain));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
