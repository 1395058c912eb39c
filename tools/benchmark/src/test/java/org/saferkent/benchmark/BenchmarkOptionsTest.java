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

    @Test
    void preloadPointsMeasureLatencyAtTwentyASecondAndSkipTheRebuild() {
        BenchmarkOptions options = BenchmarkOptions.parse("--preload-years", "0,1,7");
        assertThat(options.preloadYears()).containsExactly(0.0, 1.0, 7.0);
        assertThat(options.latencyRate()).isEqualTo(20.0);
        assertThat(options.phases()).doesNotContain("rebuild");
        assertThat(options.warmupSeconds()).as("each point follows a restart: warmed up first").isPositive();
        assertThat(BenchmarkOptions.parse("--preload-years=0,0.05", "--rate", "5").latencyRate()).isEqualTo(5.0);
        assertThat(BenchmarkOptions.parse().warmupSeconds()).isZero();
        assertThat(BenchmarkOptions.parse("--use-running", "--warmup", "30").warmupSeconds()).isEqualTo(30);
    }

    @Test
    void preloadPointsMustGrow() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--preload-years", "1,0")).hasMessageContaining("increasing years");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--preload-years", "0,7", "--use-running")).hasMessageContaining("--use-running");
    }

    @Test
    void aPortOffsetMovesTheIdentityServerToo() {
        assertThat(BenchmarkOptions.parse("--port-offset", "10000").issuer()).isEqualTo("http://127.0.0.1:18090");
    }
}
