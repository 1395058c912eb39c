package org.saferkent.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.saferkent.devstack.BoundedWait.Attempt;

class BoundedWaitTest {

    private static final Duration INTERVAL = Duration.ofMillis(1);

    @Test
    void returnsTheValueOnceTheProbeIsReady() throws Exception {
        AtomicInteger polls = new AtomicInteger();

        String value = BoundedWait.until("the third poll", Duration.ofSeconds(10), INTERVAL,
                () -> polls.incrementAndGet() < 3 ? Attempt.notYet("poll " + polls.get()) : Attempt.ready("ready"));

        assertThat(value).isEqualTo("ready");
        assertThat(polls).hasValue(3);
    }

    @Test
    void givesUpAtTheDeadlineWithTheLastReason() {
        assertThatThrownBy(() -> BoundedWait.until("a broker", Duration.ofMillis(20), INTERVAL,
                () -> Attempt.notYet("connection refused")))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("a broker")
                .hasMessageContaining("connection refused");
    }

    @Test
    void stopsAtOnceWhenTheProbeThrows() {
        AtomicInteger polls = new AtomicInteger();

        assertThatThrownBy(() -> BoundedWait.until("a dead process", Duration.ofSeconds(10), INTERVAL, () -> {
            polls.incrementAndGet();
            throw new IllegalStateException("process exited with code 1");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(polls).hasValue(1);
    }
}
