package org.saferkent.simulator;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

/**
 * Posts referrals at a steady rate (or as fast as the services take them) from a bounded pool of
 * senders: at most {@code concurrency} requests in flight, so a slow service slows the run instead of
 * piling up threads. Singly ({@code POST /api/referrals}) or as agencies' batches
 * ({@code POST /api/referrals/batch}, one agency per batch since the token says who posts).
 */
public final class IntakeRun {

    /** What one referral got: its HTTP status (or the failure), its id, and when it was sent and answered ({@link System#nanoTime()}). */
    public record Posted(SimulatedReferral referral, int status, String referralId, String outcome, long sentNanos, long answeredNanos) {

        public boolean created() {
            return "created".equals(outcome);
        }
    }

    public record Summary(long posted, long created, long replayed, long failed, long elapsedNanos) {

        public double createdPerSecond() {
            return elapsedNanos == 0 ? 0 : created * 1e9 / elapsedNanos;
        }
    }

    private final AgencyClient client;
    private final int concurrency;
    private final int batchSize;

    /** @param batchSize 1 posts singly; more posts each agency's referrals in batches of up to this many */
    public IntakeRun(AgencyClient client, int concurrency, int batchSize) {
        this.client = client;
        this.concurrency = concurrency;
        this.batchSize = batchSize;
    }

    /**
     * @param ratePerSecond referrals per second; 0 or less: as fast as they are taken
     * @param listener      told of every referral's answer, from the sender threads
     */
    public Summary run(Iterator<SimulatedReferral> source, long count, double ratePerSecond, Consumer<Posted> listener) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "simulator-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Semaphore inFlight = new Semaphore(concurrency);
        long[] tally = new long[4]; // posted, created, replayed, failed
        Consumer<Posted> counting = posted -> {
            synchronized (tally) {
                tally[0]++;
                if (posted.created()) {
                    tally[1]++;
                } else if ("replayed".equals(posted.outcome())) {
                    tally[2]++;
                } else {
                    tally[3]++;
                }
            }
            listener.accept(posted);
        };
        long started = System.nanoTime();
        double intervalNanos = ratePerSecond > 0 ? 1e9 / ratePerSecond : 0;
        Map<String, List<SimulatedReferral>> pending = new LinkedHashMap<>();
        try {
            for (long i = 0; i < count && source.hasNext(); i++) {
                if (intervalNanos > 0) {
                    long due = started + (long) (i * intervalNanos);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait); // pacing the load, not waiting for a result
                    }
                }
                SimulatedReferral referral = source.next();
                if (batchSize <= 1) {
                    submit(senders, inFlight, () -> postOne(referral, counting));
                } else {
                    List<SimulatedReferral> batch = pending.computeIfAbsent(referral.agency(), a -> new ArrayList<>());
                    batch.add(referral);
                    if (batch.size() >= batchSize) {
                        pending.remove(referral.agency());
                        submit(senders, inFlight, () -> postBatch(batch, counting));
                    }
                }
            }
            for (List<SimulatedReferral> batch : pending.values()) {
                submit(senders, inFlight, () -> postBatch(batch, counting));
            }
            inFlight.acquire(concurrency); // every request answered
            inFlight.release(concurrency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            senders.shutdownNow();
        }
        long elapsed = System.nanoTime() - started;
        synchronized (tally) {
            return new Summary(tally[0], tally[1], tally[2], tally[3], elapsed);
        }
    }

    private static void submit(ExecutorService senders, Semaphore inFlight, Runnable send) throws InterruptedException {
        inFlight.acquire();
        senders.execute(() -> {
            try {
                send.run();
            } finally {
                inFlight.release();
            }
        });
    }

    /** Attempts at one request that the service answers 429 (too many requests) before it counts as failed. */
    static final int LIMITED_ATTEMPTS = 6;

    /**
     * Sends as a well-behaved agency system does: a 429 is waited out for its {@code Retry-After} (1 s when it
     * names none, at most 30 s) and sent again, up to {@link #LIMITED_ATTEMPTS} times; any other answer is returned.
     */
    static HttpResponse<String> respectingLimits(java.util.function.Supplier<HttpResponse<String>> send) {
        HttpResponse<String> response = send.get();
        for (int attempt = 1; attempt < LIMITED_ATTEMPTS && response.statusCode() == 429; attempt++) {
            long seconds = response.headers().firstValue("Retry-After").map(value -> {
                try {
                    return Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    return 1L;
                }
            }).orElse(1L);
            LockSupport.parkNanos(java.time.Duration.ofSeconds(Math.max(1, Math.min(30, seconds))).toNanos()); // as the service asked
            if (Thread.currentThread().isInterrupted()) {
                return response;
            }
            response = send.get();
        }
        return response;
    }

    private void postOne(SimulatedReferral referral, Consumer<Posted> listener) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = respectingLimits(() -> client.postReferral(referral));
            long answered = System.nanoTime();
            String id = null;
            String outcome = "failed";
            if (response.statusCode() == 201 || response.statusCode() == 200) {
                id = client.read(response).path("id").asString();
                outcome = response.statusCode() == 201 ? "created" : "replayed";
            }
            listener.accept(new Posted(referral, response.statusCode(), id, outcome, sent, answered));
        } catch (RuntimeException e) {
            listener.accept(new Posted(referral, -1, null, failed(e), sent, System.nanoTime()));
        }
    }

    private void postBatch(List<SimulatedReferral> batch, Consumer<Posted> listener) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = respectingLimits(() -> client.postBatch(batch.get(0).agency(), batch));
            long answered = System.nanoTime();
            if (response.statusCode() != 200) {
                batch.forEach(r -> listener.accept(new Posted(r, response.statusCode(), null, "failed", sent, answered)));
                return;
            }
            JsonNode results = client.read(response).path("results");
            for (JsonNode result : results) {
                SimulatedReferral referral = batch.get(result.path("index").asInt());
                String status = result.path("result").asString();
                String id = result.path("id").isNull() ? null : result.path("id").asString(null);
                listener.accept(new Posted(referral, 200, id, status, sent, answered));
            }
        } catch (RuntimeException e) {
            String failed = failed(e);
            batch.forEach(r -> listener.accept(new Posted(r, -1, null, failed, sent, System.nanoTime())));
        }
    }

    /** A request that got no answer, as its outcome: {@code failed: timed out (...)}, its kind first ({@link Progress#failureKind}). */
    static String failed(RuntimeException e) {
        return "failed: " + Progress.failureKind(e) + " (" + e.getMessage() + ")";
    }

    /**
     * What went wrong with one referral, as a kind to count (null: created or replayed): {@code HTTP 404} (a
     * client error, by status), {@code HTTP 5xx}, {@code timed out} (no answer in time), {@code connection refused},
     * a batch's verdict on the item (e.g. {@code invalid}), or the failure's type.
     */
    public static String errorKind(Posted posted) {
        if (posted.created() || "replayed".equals(posted.outcome())) {
            return null;
        }
        if (posted.status() >= 400) {
            return Progress.httpKind(posted.status());
        }
        if (posted.status() > 0) {
            return "failed".equals(posted.outcome()) ? "HTTP " + posted.status() : posted.outcome(); // a batch's item verdict
        }
        String detail = posted.outcome().startsWith("failed: ") ? posted.outcome().substring("failed: ".length()) : posted.outcome();
        int cut = detail.indexOf(" (");
        return cut > 0 ? detail.substring(0, cut) : detail;
    }

    /** One referral's failure, for the few examples a progress line keeps of each kind: no personal data, only what went wrong. */
    public static String example(Posted posted) {
        String answer = posted.status() > 0 ? "HTTP " + posted.status() + " " + posted.outcome() : posted.outcome();
        return "referral " + posted.referral().sequence() + " from " + posted.referral().agency() + ": " + answer;
    }

    /** Never ends: the generator as an iterator. */
    public static Iterator<SimulatedReferral> endless(ReferralGenerator generator) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public SimulatedReferral next() {
                return generator.next();
            }
        };
    }
}
