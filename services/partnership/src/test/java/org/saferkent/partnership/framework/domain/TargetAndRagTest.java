package org.saferkent.partnership.framework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetAndRagTest {

    private static final Target CONTACTED = new Target(90, true, 5);
    private static final Target REPEATS = new Target(28, false, 5);

    @Test
    void aMeasureToRaiseIsGreenAtItsTargetAmberWithinTheMarginRedBelow() {
        assertThat(CONTACTED.rag(90)).isEqualTo(Rag.GREEN);
        assertThat(CONTACTED.rag(97.5)).isEqualTo(Rag.GREEN);
        assertThat(CONTACTED.rag(85)).isEqualTo(Rag.AMBER);
        assertThat(CONTACTED.rag(84.9)).isEqualTo(Rag.RED);
    }

    @Test
    void aMeasureToKeepDownIsGreenAtOrBelowItsTarget() {
        assertThat(REPEATS.rag(20)).isEqualTo(Rag.GREEN);
        assertThat(REPEATS.rag(33)).isEqualTo(Rag.AMBER);
        assertThat(REPEATS.rag(40)).isEqualTo(Rag.RED);
    }

    @Test
    void theValueIsTheShareInPercentToOneDecimalAndNothingToMeasureHasNoRag() {
        MeasureResult twoOfThree = MeasureResult.of(Measure.RJ_COMPLETION, 2, 3, new Target(70, true, 10));
        assertThat(twoOfThree.value()).isEqualTo(66.7);
        assertThat(twoOfThree.rag()).isEqualTo(Rag.AMBER);

        MeasureResult none = MeasureResult.of(Measure.RJ_COMPLETION, 0, 0, new Target(70, true, 10));
        assertThat(none.value()).isNull();
        assertThat(none.rag()).isNull();
    }
}
