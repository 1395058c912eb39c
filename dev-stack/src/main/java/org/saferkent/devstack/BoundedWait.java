package org.saferkent.devstack;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Polls a readiness probe at a modest interval until it reports ready or a deadline passes.
 *
 * <p>Readiness of another process (a broker, an HTTP endpoint) can only be observed from outside, so
 * polling is the honest mechanism; the deadline keeps a broken component from hanging the launcher.
 * A probe distinguishes "not yet" (keep polling, remember why) from a thrown exception (give up now,
 * e.g. the broker process has exited).
 */
final class BoundedWait {

    private BoundedWait() {
    }

    /** One observation of a probe: ready with a value, or not yet with the reason. */
    record Attempt<T>(T value, String reason) {

        static <T> Attempt<T> ready(T value) {
            return new Attempt<>(value, null);
        }

        static <T> Attempt<T> notYet(String reason) {
            return new Attempt<>(null, reason);
        }

        boolean isReady() {
            return reason == null;
        }
    }

    @FunctionalInterface
    interface Probe<T> {
        /** Observes once; throws when waiting longer is pointless. */
        Attempt<T> poll() throws Exception;
    }

    static <T> T until(String what, Duration timeout, Duration interval, Probe<T> probe)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastReason = "never polled";
        while (true) {
            Attempt<T> attempt = probe.poll();
            if (attempt.isReady()) {
                return attempt.value();
            }
            lastReason = attempt.reason();
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new TimeoutException("Gave up after " + timeout.toSeconds() + " s waiting for " + what
                        + ": " + lastReason);
            }
            Thread.sleep(Math.min(interval.toMillis(), Math.max(1, remaining / 1_000_000)));
        }
    }
}
