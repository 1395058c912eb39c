package org.saferkent.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Counts the relay's backlog every {@link OutboxBacklogProperties#checkInterval()} and tells the
 * {@link BacklogListener}s. A backlog reaching the threshold is a {@link Transition#HIGH} once; it is
 * {@link Transition#CLEARED} once it has fallen to {@link OutboxBacklogProperties#effectiveClearAt()},
 * so a backlog hovering at the threshold is not reported again and again.
 */
public class BacklogMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BacklogMonitor.class);

    /** What a measurement changed: nothing, or a crossing in either direction. */
    public enum Transition { NONE, HIGH, CLEARED }

    /**
     * @param total        documents holding unpublished events, over every outbox collection
     * @param byCollection the same per collection
     * @param high         whether the backlog counts as high after this measurement
     */
    public record Measurement(long total, Map<String, Long> byCollection, long threshold, boolean high,
            Transition transition, Instant measuredAt) {
    }

    private final OutboxRelay relay;
    private final OutboxBacklogProperties properties;
    private final Iterable<BacklogListener> listeners;
    private final Clock clock;
    private volatile Measurement last;
    private boolean high;
    private ScheduledExecutorService executor;

    /** @param listeners resolved at each measurement (a Spring {@code ObjectProvider} is fine: no start-up cycles) */
    public BacklogMonitor(OutboxRelay relay, OutboxBacklogProperties properties, Iterable<BacklogListener> listeners, Clock clock) {
        this.relay = relay;
        this.properties = properties;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** The latest measurement, or null before the first. */
    public Measurement last() {
        return last;
    }

    /** Counts the backlog now and tells the listeners (the periodic check calls this). */
    public synchronized Measurement measure() {
        Map<String, Long> byCollection = new LinkedHashMap<>();
        long total = 0;
        for (String collection : relay.collections().stream().sorted().toList()) {
            long backlog = relay.backlog(collection);
            byCollection.put(collection, backlog);
            total += backlog;
        }
        Transition transition = next(high, total, properties);
        if (transition == Transition.HIGH) {
            high = true;
        } else if (transition == Transition.CLEARED) {
            high = false;
        }
        Measurement measurement = new Measurement(total, Map.copyOf(byCollection), properties.threshold(), high,
                transition, clock.instant());
        last = measurement;
        if (transition != Transition.NONE) {
            log.warn("Outbox backlog {}: {} document(s) waiting (threshold {})", transition == Transition.HIGH ? "high" : "cleared",
                    total, properties.threshold());
        }
        for (BacklogListener listener : listeners) {
            try {
                listener.measured(measurement);
            } catch (RuntimeException e) {
                log.warn("Backlog listener {} failed: {}", listener.getClass().getSimpleName(), e.toString());
            }
        }
        return measurement;
    }

    /** The hysteresis: high at the threshold, cleared only at or below the clear level. */
    static Transition next(boolean high, long total, OutboxBacklogProperties properties) {
        if (properties.threshold() <= 0) {
            return high ? Transition.CLEARED : Transition.NONE;
        }
        if (!high && total >= properties.threshold()) {
            return Transition.HIGH;
        }
        if (high && total <= properties.effectiveClearAt()) {
            return Transition.CLEARED;
        }
        return Transition.NONE;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-backlog");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.checkInterval().toMillis();
        executor.scheduleWithFixedDelay(this::check, Math.min(interval, 1000), interval, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            measure();
        } catch (RuntimeException e) {
            log.warn("Could not count the outbox backlog, will try again in {}: {}", properties.checkInterval(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
