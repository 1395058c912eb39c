package org.saferkent.simulator;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class WeightedChoiceTest {

    @Test
    void picksInProportionToTheWeights() {
        WeightedChoice<String> choice = WeightedChoice.of(entry("often", 3.0), entry("rarely", 1.0), entry("never", 0.0));
        Random random = new Random(1);
        int often = 0;
        for (int i = 0; i < 40_000; i++) {
            String picked = choice.pick(random);
            assertThat(picked).isNotEqualTo("never");
            often += picked.equals("often") ? 1 : 0;
        }
        assertThat(often / 40_000.0).isCloseTo(0.75, within(0.01));
        assertThat(choice.share("rarely")).isEqualTo(0.25);
    }

    @Test
    void refusesNegativeWeights() {
        assertThatThrownBy(() -> new WeightedChoice<>(Map.of("x", -1.0))).hasMessageContaining("negative");
    }
}
