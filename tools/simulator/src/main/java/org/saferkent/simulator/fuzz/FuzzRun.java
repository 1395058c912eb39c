package org.saferkent.simulator.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.saferkent.simulator.TokenSource;
import org.saferkent.simulator.fuzz.ApiOperations.Operation;
import org.saferkent.simulator.fuzz.HostileRequests.FuzzRequest;

/**
 * Sends {@code requests} hostile requests ({@link HostileRequests}) to the running services, {@code concurrency}
 * at a time, each with a token of a client the operation lets through, and tells what came back: the answers by
 * status, every 5xx and every request that got no answer, writes answered 2xx, the slowest requests, and whether
 * any service database holds a document more or less than before.
 */
public final class FuzzRun {

    /** A request slower than this is listed. */
    public static final Duration SLOW = Duration.ofSeconds(1);
    /** Of each answer, at most this much is read (a stream is read no further). */
    private static final int READ_AT_MOST = 64 * 1024;

    /** What to run against. */
    public record Settings(long requests, long seed, int concurrency, Map<String, String> baseUrls, String issuer, String mongoUri,
            ApiOperations api, Duration timeout, boolean checkStore) {
    }

    /** One answer (status 0: none; then {@code failure} says why). */
    public record Outcome(FuzzRequest request, int status, long nanos, String failure, String answer) {

        String line() {
            return String.format("%6d ms  %s -> %s%s", nanos / 1_000_000, request.describe(), status == 0 ? "no answer" : status,
                    failure != null ? " (" + failure + ")" : answer.isEmpty() ? "" : "  " + answer);
        }
    }

    /** Everything the run found. */
    public record Result(long sent, Map<String, Long> byClass, Map<Integer, Long> byStatus, List<Outcome> serverErrors,
            List<Outcome> noAnswer, List<Outcome> acceptedWrites, Map<String, Long> readsAnswered2xx, List<Outcome> refusedByAccessRules,
            long[] millis, List<Outcome> slowest, Map<String, String> storeChanges, Map<String, String> excludedChanges,
            Map<String, Map<String, Long>> byAttack, int operations, double seconds) {

        public boolean clean() {
            return serverErrors.isEmpty() && unanswered().isEmpty() && (storeChanges == null || storeChanges.isEmpty());
        }

        /**
         * Requests without an answer, but for those whose request line and headers were over the web server's limit (8 KB):
         * Tomcat may close the connection on them without a word, which refuses them as well.
         */
        public List<Outcome> unanswered() {
            return noAnswer.stream().filter(o -> !o.request().headOverLimit()).toList();
        }

        public long percentile(double p) {
            if (millis.length == 0) {
                return 0;
            }
            return millis[Math.min(millis.length - 1, (int) Math.ceil(p / 100.0 * millis.length) - 1)];
        }

        public List<Outcome> slowerThan(Duration limit) {
            return slowest.stream().filter(o -> o.nanos() > limit.toNanos()).toList();
        }

        /** The report, as printed. */
        public String report() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("Fuzz: %d hostile requests to %d operations of 6 services in %.1f s%n", sent, operations, seconds));
            out.append("  answers by class: ").append(byClass).append('\n');
            out.append("  answers by status: ").append(byStatus).append('\n');
            out.append(String.format("  time per request (after the first round, one request per operation): p50 %d ms, p99 %d ms, "
                    + "max %d ms; %d slower than %d ms%n", percentile(50), percentile(99), millis.length == 0 ? 0 : millis[millis.length - 1],
                    slowerThan(SLOW).size(), SLOW.toMillis()));
            out.append("  answers by the request's defect (reads with hostile values only: 'read-probe'):\n");
            byAttack.forEach((attack, classes) -> out.append(String.format("    %-24s %s%n", attack, classes)));
            out.append("  5xx: ").append(serverErrors.size()).append('\n');
            serverErrors.stream().limit(50).forEach(o -> out.append("    ").append(o.line()).append('\n'));
            out.append("  no answer: ").append(unanswered().size()).append(" (and ").append(noAnswer.size() - unanswered().size())
                    .append(" connections closed on a request line or headers over the web server's limit)\n");
            unanswered().stream().limit(20).forEach(o -> out.append("    ").append(o.line()).append('\n'));
            out.append("  writes answered 2xx (a request the generator should not have made): ").append(acceptedWrites.size()).append('\n');
            acceptedWrites.stream().limit(20).forEach(o -> out.append("    ").append(o.line()).append('\n'));
            long reads = readsAnswered2xx.values().stream().mapToLong(Long::longValue).sum();
            out.append("  reads answered 2xx (hostile filter values or headers a read may answer with nothing found): ").append(reads)
                    .append(reads == 0 ? "" : " " + readsAnswered2xx).append('\n');
            out.append("  refused by the access rules (401/403: the wrong client for the operation, or a method no rule lets through): ")
                    .append(refusedByAccessRules.size()).append('\n');
            refusedByAccessRules.stream().filter(o -> !o.request().attacks().contains("wrong-method")).limit(10)
                    .forEach(o -> out.append("    ").append(o.line()).append('\n'));
            out.append("  slowest:\n");
            slowest.stream().limit(5).forEach(o -> out.append("    ").append(o.line()).append('\n'));
            slowerThan(SLOW).stream().skip(5).forEach(o -> out.append("    ").append(o.line()).append('\n'));
            if (storeChanges == null) {
                out.append("  store: not checked\n");
            } else {
                out.append("  documents stored or removed: ").append(storeChanges.isEmpty() ? "none" : storeChanges).append('\n');
                out.append("  not compared (grow by design): ").append(StoreCounts.EXCLUDED)
                        .append(excludedChanges.isEmpty() ? "" : ", changed " + excludedChanges).append('\n');
            }
            out.append(clean() ? "  CLEAN: no 5xx, every request refused or answered, nothing stored\n" : "  NOT CLEAN\n");
            return out.toString();
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final TokenSource tokens;

    public FuzzRun(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        this.tokens = TokenSource.fromEnvironment(settings.issuer(), http);
    }

    public Result run() throws InterruptedException {
        List<Operation> operations = settings.api().operations();
        Map<Operation, String> authorization = new ConcurrentHashMap<>();
        for (Operation operation : operations) {
            tokens.authorization(ClientsByScope.clientFor(operation.scopes())).ifPresent(value -> authorization.put(operation, value));
        }
        Map<String, Long> before = settings.checkStore() ? StoreCounts.count(settings.mongoUri(), ApiOperations.SERVICES) : null;

        HostileRequests generator = new HostileRequests(operations, settings.seed());
        List<Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] millis = new long[(int) settings.requests()];
        AtomicLong next = new AtomicLong();
        LongAdder done = new LongAdder();
        long started = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency());
        for (int w = 0; w < settings.concurrency(); w++) {
            workers.execute(() -> {
                for (long i = next.getAndIncrement(); i < settings.requests(); i = next.getAndIncrement()) {
                    FuzzRequest request = generator.generate(i);
                    Outcome outcome = send(request, authorization.get(request.operation()));
                    millis[(int) i] = outcome.nanos() / 1_000_000;
                    if (interesting(outcome)) {
                        outcomes.add(outcome);
                    } else {
                        outcomes.add(new Outcome(request.withoutBody(), outcome.status(), outcome.nanos(), null, ""));
                    }
                    done.increment();
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(6, TimeUnit.HOURS)) {
            workers.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, String> changes = null;
        Map<String, String> excludedChanges = new TreeMap<>();
        if (before != null) {
            Map<String, Long> after = StoreCounts.count(settings.mongoUri(), ApiOperations.SERVICES);
            changes = StoreCounts.changes(before, after, Set.of());
            changes.keySet().removeIf(collection -> {
                if (StoreCounts.excluded(collection, StoreCounts.EXCLUDED)) {
                    excludedChanges.put(collection, StoreCounts.changes(before, after, Set.of()).get(collection));
                    return true;
                }
                return false;
            });
        }
        return summarise(outcomes, millis, changes, excludedChanges, operations.size(), seconds);
    }

    private static boolean interesting(Outcome outcome) {
        return outcome.status() == 0 || outcome.status() >= 500 || outcome.status() < 300;
    }

    private Result summarise(List<Outcome> outcomes, long[] millis, Map<String, String> changes, Map<String, String> excludedChanges,
            int operations, double seconds) {
        Map<String, Long> byClass = new TreeMap<>();
        Map<Integer, Long> byStatus = new TreeMap<>();
        List<Outcome> serverErrors = new ArrayList<>();
        List<Outcome> noAnswer = new ArrayList<>();
        List<Outcome> acceptedWrites = new ArrayList<>();
        Map<String, Long> reads = new TreeMap<>();
        List<Outcome> refused = new ArrayList<>();
        Map<String, Map<String, Long>> byAttack = new TreeMap<>();
        synchronized (outcomes) {
            for (Outcome outcome : outcomes) {
                int status = outcome.status();
                String statusClass = status == 0 ? "none" : status / 100 + "xx";
                byClass.merge(statusClass, 1L, Long::sum);
                String attack = !outcome.request().definite() ? "read-probe"
                        : outcome.request().attacks().isEmpty() ? "(none)" : outcome.request().attacks().get(0);
                byAttack.computeIfAbsent(attack, a -> new TreeMap<>()).merge(statusClass, 1L, Long::sum);
                byStatus.merge(status, 1L, Long::sum);
                if (status == 0) {
                    noAnswer.add(outcome);
                } else if (status >= 500) {
                    serverErrors.add(outcome);
                } else if (status < 300 && outcome.request().read()) {
                    reads.merge(outcome.request().operation().toString(), 1L, Long::sum);
                } else if (status < 300) {
                    acceptedWrites.add(outcome);
                } else if (status == 401 || status == 403) {
                    refused.add(outcome);
                }
            }
        }
        Comparator<Outcome> byIndex = Comparator.comparingLong(o -> o.request().index());
        serverErrors.sort(byIndex);
        noAnswer.sort(byIndex);
        acceptedWrites.sort(byIndex);
        refused.sort(byIndex);
        // the first round (one request per operation) loads and compiles each code path: its times are not the service's
        int warmUp = (int) Math.min(operations, millis.length / 2);
        List<Outcome> slowest;
        synchronized (outcomes) {
            slowest = outcomes.stream().filter(o -> o.request().index() >= warmUp)
                    .sorted(Comparator.comparingLong(Outcome::nanos).reversed()).limit(200).toList();
        }
        long[] sorted = Arrays.copyOfRange(millis, warmUp, millis.length);
        Arrays.sort(sorted);
        return new Result(millis.length, byClass, byStatus, serverErrors, noAnswer, acceptedWrites, reads, refused, sorted, slowest,
                changes, excludedChanges, byAttack, operations, seconds);
    }

    private Outcome send(FuzzRequest request, String authorization) {
        String base = settings.baseUrls().get(request.operation().service());
        long start = System.nanoTime();
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(base + request.pathAndQuery())).timeout(settings.timeout());
        } catch (IllegalArgumentException e) {
            return new Outcome(request, 0, 0, "the client cannot send this target: " + e.getMessage(), "");
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        for (Map.Entry<String, String> header : request.headers()) {
            try {
                builder.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException refusedByTheClient) {
                // a header value java.net.http will not send: the request goes without it
            }
        }
        start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (InputStream body = response.body()) {
                byte[] read = body.readNBytes(READ_AT_MOST);
                answer = new String(read, StandardCharsets.UTF_8);
            }
            long nanos = System.nanoTime() - start;
            String summary = response.statusCode() >= 500 || response.statusCode() < 300
                    ? response.headers().firstValue("X-Correlation-Id").map(id -> "correlation " + id + " ").orElse("")
                            + answer.substring(0, Math.min(answer.length(), 300)).replace('\n', ' ')
                    : "";
            return new Outcome(request, response.statusCode(), nanos, null, summary);
        } catch (IOException e) {
            return new Outcome(request, 0, System.nanoTime() - start, e.getClass().getSimpleName() + ": " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(request, 0, System.nanoTime() - start, "interrupted", "");
        }
    }
}
