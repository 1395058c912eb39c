package org.saferkent.commissioning.performance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saferkent.commissioning.vocabulary.Measure;

/** Red, amber and green against a target, at the boundaries. */
class TargetTest {

    private static final Target SATISFACTION = new Target(Measure.RJ_SATISFACTION_SHARE, new BigDecimal("0.85"), new BigDecimal("0.05"));
    private static final Target COST = new Target(Measure.COST_PER_VICTIM_SUPPORTED, new BigDecimal("250.00"), new BigDecimal("25"));

    @ParameterizedTest(name = "{0} of {1} against 85% (amber within 5%) is {2}")
    @CsvSource({
            "17, 20, GREEN",   // exactly on target: 0.85
            "18, 20, GREEN",
            "169, 200, AMBER", // 0.845: just short
            "16, 20, AMBER",   // 0.80: exactly on the amber boundary
            "159, 200, RED",   // 0.795: just beyond it
            "0, 20, RED"})
    void aShareIsGreenOnTargetAmberWithinTheBandAndRedBelow(long numerator, long denominator, RagStatus expected) {
        assertThat(SATISFACTION.assess(Ratio.of(numerator, denominator))).isEqualTo(expected);
    }

    @Test
    void exactlyOnTargetIsGreenEvenWhereFloatingPointWouldMissIt() {
        // 0.1 + 0.2 is not 0.3 in binary floating point; 3 of 10 is exactly 0.3
        Target target = new Target(Measure.COPE_AND_RECOVER_SHARE, new BigDecimal("0.3"), new BigDecimal("0.1"));

        assertThat(target.assess(Ratio.of(3, 10))).isEqualTo(RagStatus.GREEN);
        assertThat(target.assess(Ratio.of(2, 10))).isEqualTo(RagStatus.AMBER);
        assertThat(target.assess(Ratio.of(1, 3))).isEqualTo(RagStatus.GREEN);
        assertThat(target.assess(Ratio.of(199, 1000))).isEqualTo(RagStatus.RED);
    }

    @ParameterizedTest(name = "cost £{0}/100 per victim against £250 (amber within £25) is {1}")
    @CsvSource({
            "25000, GREEN", // exactly on target
            "24999, GREEN",
            "25001, AMBER",
            "27500, AMBER", // exactly on the amber boundary
            "27501, RED"})
    void aCostIsGreenAtOrBelowTargetAndRedAboveTheBand(long pence, RagStatus expected) {
        assertThat(COST.assess(Ratio.of(pence, 100))).isEqualTo(expected);
    }

    @Test
    void withoutAnAmberBandMissingTheTargetIsRed() {
        Target target = new Target(Measure.RJ_COMPLETION_SHARE, new BigDecimal("0.5"), null);

        assertThat(target.assess(Ratio.of(1, 2))).isEqualTo(RagStatus.GREEN);
        assertThat(target.assess(Ratio.of(49, 100))).isEqualTo(RagStatus.RED);
    }

    @Test
    void anAbsentMeasureHasNoDataRatherThanRed() {
        assertThat(SATISFACTION.assess(Ratio.of(0, 0))).isEqualTo(RagStatus.NO_DATA);
        assertThat(COST.assess(null)).isEqualTo(RagStatus.NO_DATA);
        assertThat(RagStatus.NO_DATA.code()).isEqualTo("no-data");
    }

    @Test
    void aFallInFirstTimeEntrantsIsMeasuredAgainstTheFallTargeted() {
        Target reduction = new Target(Measure.FTE_REDUCTION, new BigDecimal("0.185"), new BigDecimal("0.05"));

        assertThat(reduction.assess(Ratio.of(200 - 163, 200))).isEqualTo(RagStatus.GREEN); // 18.5% fall
        assertThat(reduction.assess(Ratio.of(200 - 172, 200))).isEqualTo(RagStatus.AMBER); // 14% fall
        assertThat(reduction.assess(Ratio.of(200 - 180, 200))).isEqualTo(RagStatus.RED);   // 10% fall
        assertThat(reduction.assess(Ratio.of(200 - 210, 200))).isEqualTo(RagStatus.RED);   // a rise
    }
}
