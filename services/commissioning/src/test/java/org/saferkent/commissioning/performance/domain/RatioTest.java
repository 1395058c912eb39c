package org.saferkent.commissioning.performance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The arithmetic under every measure. */
class RatioTest {

    @Test
    void nothingToDivideByIsAnAbsentMeasureNotZero() {
        assertThat(Ratio.of(0, 0)).isNull();
        assertThat(Ratio.of(5, 0)).isNull();
        assertThat(Ratio.display(Ratio.of(0, 0), 4)).isNull();
        assertThat(Ratio.display(Ratio.of(0, 7), 4)).isEqualTo(0.0);
    }

    @Test
    void comparisonWithAThresholdIsExact() {
        assertThat(Ratio.of(17, 20).compareTo(new BigDecimal("0.85"))).isZero();
        assertThat(Ratio.of(2, 3).compareTo(new BigDecimal("0.6667"))).isNegative();
        assertThat(Ratio.of(2, 3).compareTo(new BigDecimal("0.6666"))).isPositive();
        assertThat(Ratio.of(-3, 10).compareTo(new BigDecimal("-0.3"))).isZero();
    }

    @Test
    void displayedValuesAreRoundedHalfUp() {
        assertThat(Ratio.display(Ratio.of(2, 3), 4)).isEqualTo(0.6667);
        assertThat(Ratio.display(Ratio.of(1, 8), 2)).isEqualTo(0.13);
        assertThat(Ratio.display(Ratio.of(2_300_000, 100 * 4), 2)).isEqualTo(5750.0);
    }
}
