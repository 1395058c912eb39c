package org.saferkent.platform.messaging.ops;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Publishes ops events off the caller's thread (a circuit breaker changes state inside a call; a
 * service becomes ready on its main thread): one daemon thread, a bounded queue. When the queue is
 * full the event is dropped with a warning rather than slowing the service down.
 */
public class OpsPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OpsPublisher.class);
    private static final int QUEUE = 200;

    private final OpsEvents ops;
    private final ThreadPoolExecutor executor;

    public OpsPublisher(OpsEvents ops) {
        this.ops = ops;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(QUEUE), runnable -> {
            Thread thread = new Thread(runnable, "ops-events-" + ops.service());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues the event; the future completes when the broker acknowledged it (or exceptionally). */
    public CompletableFuture<Void> publish(String subject, Object event, Duration timeout) {
        try {
            return CompletableFuture.runAsync(() -> ops.publish(subject, event, timeout), executor)
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            log.warn("Could not report {} on ops.events: {}", event.getClass().getSimpleName(), failure.toString());
                        }
                    });
        } catch (RuntimeException rejected) {
            log.warn("Dropped {} for ops.events: {}", event.getClass().getSimpleName(), rejected.toString());
            return CompletableFuture.failedFuture(rejected);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
