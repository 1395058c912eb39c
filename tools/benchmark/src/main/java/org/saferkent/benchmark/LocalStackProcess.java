package org.saferkent.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack as {@code ./run-local.sh --no-build} starts it: a launcher JVM (store and services)
 * and its child, the Kafka broker. Measures what an operator sees: the time from the command to every
 * health endpoint answering UP, and the resident memory of each process (from /proc).
 */
public final class LocalStackProcess implements AutoCloseable {

    public static final Map<String, String> HEALTH = new LinkedHashMap<>();

    static {
        HEALTH.put("referrals", "http://127.0.0.1:8081/actuator/health");
        HEALTH.put("victims", "http://127.0.0.1:8082/actuator/health");
        HEALTH.put("restorative-justice", "http://127.0.0.1:8083/actuator/health");
        HEALTH.put("commissioning", "http://127.0.0.1:8084/actuator/health");
        HEALTH.put("ops-monitor", "http://127.0.0.1:8085/actuator/health");
        HEALTH.put("partnership", "http://127.0.0.1:8086/actuator/health");
    }

    /**
     * Added to every default port (services, broker, controller, store, identity server) when the stack
     * is started and looked for: {@code --port-offset}, for a machine where the defaults are taken.
     */
    private static volatile int portOffset;

    static void portOffset(int offset) {
        portOffset = offset;
    }

    static int port(int defaultPort) {
        return defaultPort + portOffset;
    }

    static String kafkaBootstrap() {
        return "127.0.0.1:" + port(9092);
    }

    static String mongoUri() {
        return "mongodb://127.0.0.1:" + port(27017);
    }

    static org.saferkent.simulator.ServiceUrls serviceUrls() {
        return new org.saferkent.simulator.ServiceUrls("http://127.0.0.1:" + port(8081), "http://127.0.0.1:" + port(8082),
                "http://127.0.0.1:" + port(8083), "http://127.0.0.1:" + port(8084), "http://127.0.0.1:" + port(8085),
                "http://127.0.0.1:" + port(8086));
    }

    private static String health(String service) {
        URI uri = URI.create(HEALTH.get(service));
        return uri.getScheme() + "://" + uri.getHost() + ":" + port(uri.getPort()) + uri.getPath();
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final long startedNanos;

    private LocalStackProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Starts {@code run-local.sh --no-build --data-dir dir extra...}; its output goes to {@code log}. */
    public static LocalStackProcess start(Path repo, Path dataDir, Path log, Map<String, String> environment, String... extra)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(repo.resolve("run-local.sh").toString(), "--no-build", "--data-dir",
                dataDir.toString()));
        if (portOffset != 0) {
            command.addAll(List.of("--kafka-port", Integer.toString(port(9092)), "--kafka-controller-port", Integer.toString(port(9093)),
                    "--mongo-port", Integer.toString(port(27017)), "--identity-port", Integer.toString(port(8090))));
            List<String> names = new ArrayList<>(HEALTH.keySet());
            for (int i = 0; i < names.size(); i++) {
                command.addAll(List.of("--service-port", names.get(i) + "=" + port(8081 + i)));
            }
        }
        command.addAll(List.of(extra));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new LocalStackProcess(builder.start(), started);
    }

    /** Waits until every service named answers UP; returns the seconds from the command to that moment. */
    public double awaitHealthy(List<String> services, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the local stack exited with code " + process.exitValue() + " before it was healthy");
            }
            if (allUp(services)) {
                return (System.nanoTime() - startedNanos) / 1e9;
            }
            Thread.sleep(100); // polling health like an orchestrator does
        }
        throw new IllegalStateException("the local stack was not healthy within " + timeout);
    }

    public static boolean allUp(List<String> services) {
        for (String service : services) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(health(service)))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().contains("\"UP\"")) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public long launcherPid() {
        return process.pid();
    }

    /** The broker: the launcher's child JVM. */
    public Optional<Long> brokerPid() {
        return process.toHandle().children().map(ProcessHandle::pid).findFirst();
    }

    /** Resident memory in MiB of each process of the stack. */
    public Map<String, Double> residentMiB() {
        Map<String, Double> rss = new LinkedHashMap<>();
        rss.put("launcher (store + services)", Resident.mib(launcherPid()));
        brokerPid().ifPresent(pid -> rss.put("kafka broker", Resident.mib(pid)));
        return rss;
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.toHandle().children().toList();
        process.destroy(); // SIGTERM: the launcher's shutdown hook stops services, store and broker
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        for (ProcessHandle child : children) {
            child.onExit().toCompletableFuture().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> {
                child.destroyForcibly();
                return child;
            }).join();
        }
    }
}
