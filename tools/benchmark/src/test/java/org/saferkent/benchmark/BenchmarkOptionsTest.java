package org.saferkent.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void aFullRunMeasuresEveryPhaseForAtLeastAMinuteAndRebuildsFromAMillionEvents() {
        BenchmarkOptions options = BenchmarkOptions.parse();
        assertThat(options.phases()).containsExactly("limits", "intake", "latency", "rebuild");
        assertThat(options.sustainSeconds()).isGreaterThanOrEqualTo(60);
        assertThat(options.latencyRate()).isEqualTo(50.0);
        assertThat(options.rebuildEvents()).isEqualTo(1_000_000);
    }

    @Test
    void quickIsShortAndARunningStackIsNeverRebuilt() {
        BenchmarkOptions quick = BenchmarkOptions.parse("--quick", "--use-running");
        assertThat(quick.sustainSeconds()).isLessThan(60);
        assertThat(quick.rebuildEvents()).isLessThan(1_000_000);
        assertThat(quick.phases()).doesNotContain("rebuild");
    }

    @Test
    void refusesAnUnknownPhase() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--phases", "intake,speed")).hasMessageContaining("unknown phase speed");
    }
}
