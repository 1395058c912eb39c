package org.saferkent.commissioning.performance.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a refresh round's steps that need no order between them at the same time, and returns once all are
 * done. Each is a store write (or a few), answered only once the store committed it; writes that arrive
 * together share a commit (the embedded store's group commit; a real MongoDB answers concurrent writes to
 * different documents in about the time of one), so steps run together cost the round about one commit's
 * time, where one after another they cost one each, and the next round waited for all of them.
 *
 * <p>Every step runs to its end before this returns, whether another failed or not (a failed round's
 * caller must not race writes still under way); the first failure is then thrown.
 */
final class Together {

    private final ThreadPoolExecutor pool;

    Together(String name, int threads) {
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true); // no threads kept while nothing is refreshed
    }

    /** Runs every step (the first on the calling thread) and waits for all. */
    void run(List<Runnable> steps) {
        List<Future<?>> others = new ArrayList<>();
        for (Runnable step : steps.subList(Math.min(1, steps.size()), steps.size())) {
            others.add(pool.submit(step));
        }
        RuntimeException failed = null;
        if (!steps.isEmpty()) {
            try {
                steps.get(0).run();
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        for (Future<?> other : others) {
            try {
                waitFor(other);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private static void waitFor(Future<?> step) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    step.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the step still runs: wait for its end all the same, then say so
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
