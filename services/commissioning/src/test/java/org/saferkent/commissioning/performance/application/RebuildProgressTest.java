package org.saferkent.commissioning.performance.application;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildProgressTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @Test
    void aLongReadSaysEveryFewSecondsHowFarItIsHowFastAndHowLongIsLeft() {
        RebuildProgress progress = new RebuildProgress("Rebuild v3: reading the topics", 1_000_000, now::get, Duration.ofSeconds(5));

        now.addAndGet(4_000_000_000L);
        assertThat(progress.due(300_000)).isEmpty();
        now.addAndGet(1_000_000_000L); // 5 s: 400,000 read, 80,000 a second, 600,000 to go
        assertThat(progress.due(400_000)).contains("Rebuild v3: reading the topics: 400,000 / 1,000,000 events (40.0%) · 80,000/s · about 8 s left");
        now.addAndGet(1_000_000_000L);
        assertThat(progress.due(480_000)).isEmpty();
        now.addAndGet(4_000_000_000L); // 10 s, a slow patch: 100 a second
        assertThat(progress.due(1_000)).contains("Rebuild v3: reading the topics: 1,000 / 1,000,000 events (0.1%) · 100/s · about 2.8 h left");
    }

    @Test
    void withoutAKnownTotalItSaysHowManyAndHowFast() {
        RebuildProgress progress = new RebuildProgress("Rebuild v3: catching up", 0, now::get, Duration.ofSeconds(5));
        now.addAndGet(6_000_000_000L);

        assertThat(progress.due(1_200)).contains("Rebuild v3: catching up: 1,200 events · 200/s");
    }
}
