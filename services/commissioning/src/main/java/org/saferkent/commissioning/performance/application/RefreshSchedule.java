package org.saferkent.commissioning.performance.application;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.saferkent.commissioning.activity.application.FactsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * When performance is refreshed: soon after facts are written in this instance, and every
 * {@code interval} as a sweep. A write wakes a run {@code debounce} later, and the writes that come in
 * meanwhile join it, so one snapshot carries them all. The sweep catches what other instances wrote,
 * and what was written before a crash (a run also starts with the service). All runs of an instance
 * are on one thread; across instances the lease keeps them one at a time, so sequence numbers stay in
 * order. A woken run that finds the lease held tries again, backing off to the sweep's interval.
 */
class RefreshSchedule implements SmartLifecycle, FactsChanged {

    private static final Logger log = LoggerFactory.getLogger(RefreshSchedule.class);

    private final String name;
    private final Duration debounce;
    private final Duration interval;
    private final BooleanSupplier run;
    /** Runs once the schedule has stopped (what a run kept is let go). */
    private final Runnable stopped;
    private final AtomicBoolean woken = new AtomicBoolean();
    /** How long a woken run that found the lease held waits before trying again (the run thread's alone). */
    private Duration busyWait;
    private volatile ScheduledExecutorService executor;

    /** @param run one refresh; answers false when it could not take the lease */
    RefreshSchedule(String name, Duration debounce, Duration interval, BooleanSupplier run) {
        this(name, debounce, interval, run, () -> { });
    }

    /** @param stopped runs once the schedule has stopped */
    RefreshSchedule(String name, Duration debounce, Duration interval, BooleanSupplier run, Runnable stopped) {
        this.stopped = stopped;
        this.name = name;
        this.debounce = debounce;
        this.interval = interval;
        this.run = run;
        this.busyWait = debounce;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
        changed(); // what was left dirty or unpublished before a restart, and a dead rebuild's pointer
    }

    /** Facts were written: a run follows {@code debounce} from now, unless one is already due. */
    @Override
    public void changed() {
        ScheduledExecutorService current = executor;
        if (current != null && woken.compareAndSet(false, true)) {
            schedule(current, debounce);
        }
    }

    private void woken() {
        woken.set(false); // before the run reads the dirty facts: a write from now on wakes the next run
        if (runOnce()) {
            busyWait = debounce;
            return;
        }
        ScheduledExecutorService current = executor;
        if (current != null && woken.compareAndSet(false, true)) {
            schedule(current, busyWait);
            busyWait = busyWait.multipliedBy(2).compareTo(interval) > 0 ? interval : busyWait.multipliedBy(2);
        }
    }

    private void sweep() {
        runOnce();
    }

    /** @return false only when the lease was held by someone else (a failed run is tried again by the sweep) */
    private boolean runOnce() {
        try {
            return run.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("{} failed, will try again: {}", name, e.toString());
            return true;
        }
    }

    private void schedule(ScheduledExecutorService on, Duration delay) {
        try {
            on.schedule(this::woken, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException stopped) {
            woken.set(false); // shutting down: the sweep of the next start catches up
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS); // a run under way ends (its writes answered) first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
            stopped.run();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
