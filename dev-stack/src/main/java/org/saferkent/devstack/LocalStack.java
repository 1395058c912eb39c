package org.saferkent.devstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: a Kafka broker process, a MongoDB wire server and the services.
 *
 * <p>Start order follows dependencies: the broker is launched first because it takes longest to boot,
 * the store starts meanwhile, the services only once the broker answers (a service that creates topics
 * or joins a consumer group at start-up would otherwise fail or spin). Stop order is the reverse, so
 * services close their consumers and producers while broker and store still answer.
 *
 * <p>A supervisor watches the broker once it is ready: if its process dies unexpectedly (killed,
 * crashed, out of memory), the broker is started again on the same ports and the same data, and the
 * services, which keep retrying their connections, carry on with it. A launcher that dies takes the
 * broker with it instead (see {@link KafkaBrokerMain}); running it again is the user's restart.
 *
 * <p>With {@link LocalStackOptions#externalInfra()} only the services start, against a broker, store and identity
 * server already running (another launcher's, say): a second instance of every service. Such a stack owns none of
 * them, so it neither supervises the broker nor evicts consumer-group members (they are the other instances' live
 * ones); its data directory holds its logs and its lock only.
 *
 * <p>{@link #close()} may be called from a shutdown hook while {@link #start()} is still running: it
 * cuts short the start's current wait (or lets the service context being started finish), waits for
 * the start to unwind, then stops whatever had started.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(90);
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(60);
    /** Consecutive failed restarts of a dead broker after which the supervisor gives up (and says so). */
    static final int BROKER_RESTART_ATTEMPTS = 3;

    private final LocalStackOptions options;
    private final HealthProbe healthProbe = new HealthProbe();
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<ServiceHost> services = new CopyOnWriteArrayList<>();
    private volatile IdentityHost identity;
    /** Guards {@link #closing} and {@link #waiter}, so close() interrupts only a wait, never a context start. */
    private final Object interruptGuard = new Object();
    private volatile boolean closing;
    private Thread waiter;
    private volatile DataDirLock dataDirLock;
    private volatile KafkaBrokerProcess kafka;
    /** Guards replacing {@link #kafka}: a restart and {@link #close()} never both own a broker process. */
    private final Object brokerGuard = new Object();
    private volatile MongoWireServer mongo;
    private volatile Duration startupTime;

    public LocalStack(LocalStackOptions options) {
        this.options = options;
    }

    /** Starts a stack and returns it running, every service healthy. */
    public static LocalStack started(LocalStackOptions options) throws Exception {
        LocalStack stack = new LocalStack(options);
        stack.start();
        return stack;
    }

    /**
     * Starts everything and returns once every service reports UP over HTTP. On failure, whatever had
     * started is stopped again before the exception propagates.
     */
    public void start() throws Exception {
        lifecycle.lock();
        long began = System.nanoTime();
        try {
            ensureNotClosing();
            dataDirLock = DataDirLock.acquire(options.dataDir());
            ensurePortsFree();
            if (options.externalInfra()) {
                startServicesOnly(began);
                return;
            }
            kafka = KafkaBrokerProcess.launch(KafkaBrokerProcess.Settings
                    .under(options.dataDir(), options.kafkaPort(), options.kafkaControllerPort())
                    .withHeap(options.kafkaHeap()));
            log.info("Kafka broker launched (pid {}), booting in the background", kafka.pid());

            long mongoBegan = System.nanoTime();
            mongo = MongoWireServer.start(options.dataDir().resolve("mongo"), options.mongoPort(), options.mongoOplog());
            log.info("MongoDB wire server ready on {} in {}", mongo.connectionString(), since(mongoBegan));

            // The broker's readiness (an admin round trip) and the eviction of a killed launcher's group members need
            // only the broker: checked while the identity server starts, not after it (one to three seconds a start)
            FutureTask<Void> brokerReady = brokerReadyInBackground(kafka, began);
            if (!options.infraOnly()) {
                // while the broker boots: the services need it before their first request, not at start
                long identityBegan = System.nanoTime();
                identity = IdentityHost.start(options.identityPort(), options.launcherLogging(), mongo.connectionString(),
                        options.dataDir());
                log.info("Identity server ready on {} in {}", identity.issuerUri(), since(identityBegan));
            }

            cancellableWait(() -> {
                try {
                    brokerReady.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
                return null;
            });
            supervise(kafka);

            startServices();
            cancellableWait(() -> {
                awaitHealthy();
                return null;
            });
            startupTime = Duration.ofNanos(System.nanoTime() - began);
        } catch (Throwable failure) {
            stopAll();
            if (closing) {
                CancellationException cancelled = new CancellationException("Start interrupted by shutdown");
                cancelled.initCause(failure);
                throw cancelled;
            }
            throw failure;
        } finally {
            if (closing) {
                Thread.interrupted(); // the interrupt from close() must not leak into the caller
            }
            lifecycle.unlock();
        }
    }

    /**
     * Waits for {@code broker} to answer, then evicts the consumer-group members a killed launcher left behind, on a
     * thread of its own. If the start fails meanwhile, stopping the broker ends the wait.
     */
    private static FutureTask<Void> brokerReadyInBackground(KafkaBrokerProcess broker, long began) {
        FutureTask<Void> ready = new FutureTask<>(() -> {
            broker.awaitReady(KAFKA_READY_TIMEOUT);
            log.info("Kafka broker ready on {} in {}", broker.bootstrapServers(), since(began));
            StaleGroupMembers.evict(broker.bootstrapServers());
            return null;
        });
        Thread thread = new Thread(ready, "kafka-broker-ready");
        thread.setDaemon(true);
        thread.start();
        return ready;
    }

    /** The services only, against the infrastructure the options name (not waited for: the services retry their connections). */
    private void startServicesOnly(long began) throws Exception {
        log.info("Starting the services only, against Kafka {}, MongoDB {} and the identity server {}",
                options.external().kafkaBootstrap(), options.external().mongoUri().replaceAll("//[^@/]*@", "//***@"),
                options.external().issuer());
        startServices();
        cancellableWait(() -> {
            awaitHealthy();
            return null;
        });
        startupTime = Duration.ofNanos(System.nanoTime() - began);
    }

    /** Stops services, then the store, then the broker. Idempotent; safe from a shutdown hook. */
    @Override
    public void close() {
        synchronized (interruptGuard) {
            closing = true;
            if (waiter != null) {
                waiter.interrupt();
            }
        }
        lifecycle.lock();
        try {
            stopAll();
        } finally {
            lifecycle.unlock();
            closed.countDown();
        }
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    public boolean isClosing() {
        return closing;
    }

    public LocalStackOptions options() {
        return options;
    }

    public String kafkaBootstrapServers() {
        if (options.externalInfra()) {
            return options.external().kafkaBootstrap();
        }
        return running(kafka, "Kafka broker").bootstrapServers();
    }

    public KafkaBrokerProcess kafka() {
        return running(kafka, "Kafka broker");
    }

    public String mongoUri() {
        if (options.externalInfra()) {
            return options.external().mongoUri();
        }
        return running(mongo, "MongoDB server").connectionString();
    }

    public MongoWireServer mongo() {
        return running(mongo, "MongoDB server");
    }

    private void supervise(KafkaBrokerProcess broker) {
        broker.unexpectedExit().thenAccept(code -> {
            Thread restart = new Thread(() -> restartBroker(broker), "kafka-broker-supervisor");
            restart.setDaemon(true);
            restart.start();
        });
    }

    /**
     * Starts the broker again on the same ports and data directory after it died. Up to
     * {@link #BROKER_RESTART_ATTEMPTS} attempts in a row; a broker that cannot start (its log tail is
     * in the error) leaves the services retrying, as they would against a broker down for good.
     */
    private void restartBroker(KafkaBrokerProcess dead) {
        KafkaBrokerProcess previous = dead;
        for (int attempt = 1; attempt <= BROKER_RESTART_ATTEMPTS; attempt++) {
            long began = System.nanoTime();
            KafkaBrokerProcess fresh;
            synchronized (brokerGuard) {
                if (closing || kafka != previous) {
                    return;
                }
                try {
                    fresh = KafkaBrokerProcess.launch(previous.settingsForRestart());
                } catch (IOException e) {
                    log.error("Could not start the Kafka broker again: {}", e.toString());
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                kafka = fresh;
            }
            log.warn("Kafka broker died: starting it again (pid {}, attempt {} of {})", fresh.pid(), attempt,
                    BROKER_RESTART_ATTEMPTS);
            try {
                fresh.awaitReady(KAFKA_READY_TIMEOUT);
                log.warn("Kafka broker restarted on {} in {}", fresh.bootstrapServers(), since(began));
                supervise(fresh);
                return;
            } catch (Exception e) {
                if (closing) {
                    return;
                }
                log.error("The restarted Kafka broker did not become ready: {}", Failures.summary(e));
                fresh.close();
                previous = fresh;
            }
        }
        log.error("Kafka broker still down after {} restarts: giving up; stop the stack and look at {}",
                BROKER_RESTART_ATTEMPTS, previous.logFile());
    }

    /** The running services in the order of {@link SaferKentService}. */
    public List<ServiceHost> services() {
        List<ServiceHost> sorted = new ArrayList<>(services);
        sorted.sort(Comparator.comparing(ServiceHost::service));
        return sorted;
    }

    public ServiceHost service(SaferKentService service) {
        return services.stream().filter(host -> host.service() == service).findFirst()
                .orElseThrow(() -> new IllegalStateException(service.serviceName() + " is not running"));
    }

    /** From launching the broker to the last service reporting UP; null until started. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * The first context starts alone: it pays for most class loading, and it initialises Spring Boot's
     * logging system, which is global to the JVM (initialising it from two threads at once can leave
     * logging switched off). The rest start {@code startParallelism} at a time.
     */
    private void startServices() throws Exception {
        List<Map.Entry<SaferKentService, Integer>> pending = new ArrayList<>(options.services().entrySet());
        if (pending.isEmpty()) {
            return;
        }
        startService(pending.remove(0));
        if (pending.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.startParallelism(), pending.size()),
                namedThreads("service-start"));
        try {
            List<Future<ServiceHost>> starts = new ArrayList<>();
            for (Map.Entry<SaferKentService, Integer> service : pending) {
                starts.add(pool.submit(() -> startService(service)));
            }
            Exception failure = null;
            for (Future<ServiceHost> start : starts) {
                try {
                    start.get();
                } catch (ExecutionException e) {
                    Exception cause = e.getCause() instanceof Exception ex ? ex : e;
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
            // Contexts already starting cannot be abandoned: wait for them so that stopAll() sees them.
            if (!pool.awaitTermination(SERVICE_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Service starts still running after {} s", SERVICE_STOP_TIMEOUT.toSeconds());
            }
        }
    }

    private ServiceHost startService(Map.Entry<SaferKentService, Integer> service) {
        ensureNotClosing();
        long began = System.nanoTime();
        try {
            ServiceHost host = ServiceHost.start(service.getKey(), service.getValue(), kafkaBootstrapServers(),
                    mongoUri(), options.launcherLogging(), peerUrls());
            services.add(host);
            log.info("{} started on {} in {}", service.getKey().serviceName(), host.baseUri(), since(began));
            return host;
        } catch (RuntimeException e) {
            throw new IllegalStateException(service.getKey().serviceName() + " failed to start: " + e.getMessage(), e);
        }
    }

    /**
     * Where services find each other's APIs (victims fetches personal details from referrals: the
     * claim check). Known up front when referrals has a fixed port.
     */
    private List<String> peerUrls() {
        List<String> args = new ArrayList<>(IdentityHost.serviceArgs(
                options.externalInfra() ? options.external().issuer() : identity.issuerUri()));
        Integer referralsPort = options.services().get(SaferKentService.REFERRALS);
        if (referralsPort != null && referralsPort != 0) {
            args.add("--saferkent.victims.referrals-base-url=http://" + Ports.LOOPBACK_HOST + ":" + referralsPort);
        }
        opsMonitorWatch().ifPresent(args::add);
        return args;
    }

    /**
     * The services ops-monitor watches (their health, their consumer bindings on its page): the ones this
     * stack hosts, on the ports they were given. Only when every port is known up front; otherwise
     * ops-monitor keeps its configured list (the conventional ports).
     */
    private Optional<String> opsMonitorWatch() {
        Map<SaferKentService, Integer> hosted = options.services();
        if (!hosted.containsKey(SaferKentService.OPS_MONITOR)
                || hosted.entrySet().stream().anyMatch(e -> e.getKey() != SaferKentService.OPS_MONITOR && e.getValue() == 0)) {
            return Optional.empty();
        }
        List<String> watched = new ArrayList<>();
        hosted.forEach((service, port) -> watched.add(service.serviceName() + "=http://" + Ports.LOOPBACK_HOST + ":"
                + (service == SaferKentService.OPS_MONITOR ? "${local.server.port}" : port)));
        return Optional.of("--saferkent.ops.services=" + String.join(",", watched));
    }

    /** The identity server; null in an infrastructure-only stack or one on external infrastructure. */
    public IdentityHost identity() {
        return identity;
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        for (ServiceHost service : services()) {
            Duration remaining = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            healthProbe.awaitUp(service.service().serviceName(), service.healthUri(), remaining);
        }
    }

    private void stopAll() {
        // close() interrupts a start's wait to cut it short; the clean-up must not be cut
        // short too: an interrupted thread's NIO file writes fail (H2 could not close its store) and
        // its waits return at once (the broker would be killed instead of stopped).
        boolean interrupted = Thread.interrupted();
        try {
            stopInOrder();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stopInOrder() {
        closeServices();
        IdentityHost identityServer = identity;
        if (identityServer != null) {
            try {
                identityServer.close();
                log.info("Identity server stopped");
            } catch (RuntimeException e) {
                log.warn("Stopping the identity server failed", e);
            }
            identity = null;
        }
        MongoWireServer store = mongo;
        if (store != null) {
            try {
                store.close();
                log.info("MongoDB wire server stopped ({} closed)", store.file().getFileName());
            } catch (RuntimeException e) {
                log.warn("Stopping the MongoDB wire server failed", e);
            }
            mongo = null;
        }
        KafkaBrokerProcess broker;
        synchronized (brokerGuard) {
            broker = kafka;
            kafka = null;
        }
        if (broker != null) {
            long began = System.nanoTime();
            broker.close();
            log.info("Kafka broker stopped in {}", since(began));
        }
        DataDirLock lock = dataDirLock;
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                log.warn("Releasing the data directory lock failed", e);
            }
            dataDirLock = null;
        }
    }

    /** In parallel: each close mostly waits (consumers leaving their groups, executors draining). */
    private void closeServices() {
        List<ServiceHost> running = services();
        if (running.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(running.size(), namedThreads("service-stop"));
        for (ServiceHost service : running) {
            pool.execute(() -> {
                try {
                    service.close();
                    log.info("{} stopped", service.service().serviceName());
                } catch (RuntimeException e) {
                    log.warn("Stopping {} failed", service.service().serviceName(), e);
                } finally {
                    services.remove(service);
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(SERVICE_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Services still stopping after {} s; stopping the infrastructure anyway",
                        SERVICE_STOP_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensurePortsFree() {
        List<String> busy = new ArrayList<>();
        if (!options.externalInfra()) {
            checkFree(busy, "Kafka", options.kafkaPort(), "--kafka-port");
            checkFree(busy, "Kafka controller", options.kafkaControllerPort(), "--kafka-controller-port");
            checkFree(busy, "MongoDB", options.mongoPort(), "--mongo-port");
        }
        if (!options.infraOnly() && !options.externalInfra()) {
            checkFree(busy, "identity", options.identityPort(), "--identity-port");
        }
        options.services().forEach((service, port) -> checkFree(busy, service.serviceName(), port, null));
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Ports already in use (another local stack running?): "
                    + String.join(", ", busy));
        }
    }

    private static void checkFree(List<String> busy, String what, int port, String option) {
        if (!Ports.isFree(port)) {
            busy.add(what + " " + port + (option == null ? "" : " (" + option + ")"));
        }
    }

    /**
     * Runs a wait that {@link #close()} may cut short by interrupting it. Only waits are interrupted: a
     * service context interrupted half-way through its start fails noisily, so a close() during a
     * context start lets that one finish and then stops everything.
     */
    private void cancellableWait(Callable<Void> wait) throws Exception {
        synchronized (interruptGuard) {
            ensureNotClosing();
            waiter = Thread.currentThread();
        }
        try {
            wait.call();
        } finally {
            synchronized (interruptGuard) {
                waiter = null;
            }
        }
    }

    private void ensureNotClosing() {
        if (closing) {
            throw new CancellationException("Local stack is shutting down");
        }
    }

    private static <T> T running(T component, String name) {
        if (component == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return component;
    }

    static String since(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> new Thread(runnable, prefix + "-" + counter.incrementAndGet());
    }
}
