package org.saferkent.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void percentilesAreNearestRankWhateverTheOrderOfTheSamples() {
        List<Double> millis = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            millis.add((double) i);
        }
        Collections.shuffle(millis, new java.util.Random(3));
        Percentiles p = Percentiles.of(millis);
        assertThat(p.samples()).isEqualTo(200);
        assertThat(p.p50()).isEqualTo(100.0);
        assertThat(p.p95()).isEqualTo(190.0);
        assertThat(p.p99()).isEqualTo(198.0);
        assertThat(p.max()).isEqualTo(200.0);
    }

    @Test
    void noSamplesReportNothingRatherThanZero() {
        assertThat(Percentiles.of(List.of()).asMap()).containsEntry("samples", 0).containsEntry("p99Ms", null);
    }
}
