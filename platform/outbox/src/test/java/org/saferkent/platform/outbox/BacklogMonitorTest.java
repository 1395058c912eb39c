package org.saferkent.platform.outbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.platform.outbox.BacklogMonitor.Transition.CLEARED;
import static org.saferkent.platform.outbox.BacklogMonitor.Transition.HIGH;
import static org.saferkent.platform.outbox.BacklogMonitor.Transition.NONE;

class BacklogMonitorTest {

    private static final OutboxBacklogProperties HUNDRED = new OutboxBacklogProperties(100, -1, Duration.ofSeconds(10));

    @Test
    void aBacklogIsHighOnceItReachesTheThresholdAndNotAgainWhileItStaysThere() {
        assertThat(BacklogMonitor.next(false, 99, HUNDRED)).isEqualTo(NONE);
        assertThat(BacklogMonitor.next(false, 100, HUNDRED)).isEqualTo(HIGH);
        assertThat(BacklogMonitor.next(true, 250, HUNDRED)).isEqualTo(NONE);
    }

    @Test
    void aHighBacklogClearsOnlyOnceItHasDrainedToHalfTheThreshold() {
        assertThat(BacklogMonitor.next(true, 99, HUNDRED)).isEqualTo(NONE);
        assertThat(BacklogMonitor.next(true, 51, HUNDRED)).isEqualTo(NONE);
        assertThat(BacklogMonitor.next(true, 50, HUNDRED)).isEqualTo(CLEARED);
    }

    @Test
    void theClearLevelCanBeSetAndNeverReachesTheThreshold() {
        OutboxBacklogProperties strict = new OutboxBacklogProperties(10, 0, Duration.ofSeconds(10));
        assertThat(BacklogMonitor.next(true, 1, strict)).isEqualTo(NONE);
        assertThat(BacklogMonitor.next(true, 0, strict)).isEqualTo(CLEARED);
        assertThat(new OutboxBacklogProperties(10, 50, Duration.ofSeconds(10)).effectiveClearAt()).isEqualTo(9);
        assertThat(new OutboxBacklogProperties(1, -1, Duration.ofSeconds(10)).effectiveClearAt()).isZero();
    }

    @Test
    void aZeroThresholdReportsNothing() {
        OutboxBacklogProperties off = new OutboxBacklogProperties(0, -1, Duration.ofSeconds(10));
        assertThat(BacklogMonitor.next(false, 1_000_000, off)).isEqualTo(NONE);
        assertThat(BacklogMonitor.next(true, 1_000_000, off)).isEqualTo(CLEARED);
    }
}
