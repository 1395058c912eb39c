package org.saferkent.commissioning.performance.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When the refresh runs. The sweep is set to an hour here, so every run seen is the one at start or
 * one woken by a change.
 */
class RefreshScheduleTest {

    private static final Duration SWEEP = Duration.ofHours(1);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private RefreshSchedule schedule;

    @AfterEach
    void stop() {
        schedule.stop();
    }

    @Test
    void aBurstOfChangesIsGatheredIntoFewRunsAndEachIsFollowedByARun() {
        AtomicInteger runs = new AtomicInteger();
        schedule = new RefreshSchedule("test-refresh", Duration.ofMillis(100), SWEEP, () -> {
            runs.incrementAndGet();
            return true;
        });
        schedule.start();
        Awaitility.await().atMost(WAIT).until(() -> runs.get() == 1); // the run at start

        for (int i = 0; i < 1000; i++) {
            schedule.changed();
        }

        Awaitility.await().atMost(WAIT).until(() -> runs.get() >= 2);
        assertThat(runs.get()).as("a thousand changes, gathered").isLessThan(100);
    }

    @Test
    void aChangeWhileARunIsUnderWayWakesTheNextRun() throws Exception {
        CountDownLatch inFirstWokenRun = new CountDownLatch(1);
        CountDownLatch finishFirstWokenRun = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        schedule = new RefreshSchedule("test-refresh", Duration.ofMillis(20), SWEEP, () -> {
            if (runs.incrementAndGet() == 2) {
                inFirstWokenRun.countDown();
                await(finishFirstWokenRun);
            }
            return true;
        });
        schedule.start();
        Awaitility.await().atMost(WAIT).until(() -> runs.get() == 1);
        schedule.changed();
        assertThat(inFirstWokenRun.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        schedule.changed(); // written after the run read the dirty facts: it needs a run of its own
        finishFirstWokenRun.countDown();

        Awaitility.await().atMost(WAIT).until(() -> runs.get() == 3);
    }

    @Test
    void aWokenRunThatFindsTheLeaseHeldTriesAgain() {
        AtomicInteger attempts = new AtomicInteger();
        schedule = new RefreshSchedule("test-refresh", Duration.ofMillis(10), SWEEP, () -> attempts.incrementAndGet() > 4);
        schedule.start(); // the run at start finds the lease held four times, then runs

        Awaitility.await().atMost(WAIT).until(() -> attempts.get() == 5);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
