package org.saferkent.platform.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RoundingTest {

    @Test
    void countsRoundToTheNearestMultipleOfTheBaseHalvesUp() {
        var toFive = new DisclosureRule(0, false, 5, false);
        var toTen = new DisclosureRule(0, false, 10, false);

        assertThat(List.of(0, 2, 3, 7, 8, 12, 13)).map(toFive::round).containsExactly(0, 0, 5, 5, 10, 10, 15);
        assertThat(List.of(14, 15, 25)).map(toTen::round).containsExactly(10, 20, 30);
        assertThat(DisclosureRule.EXACT.round(13)).isEqualTo(13);
    }

    @Test
    void totalsAreRoundedFromTheirExactValueNotAddedUpFromRoundedCells() {
        var table = CountTable.of(List.of("Ashford", "Dover"), List.of("burglary", "violence", "drugs"),
                new int[][] {{6, 6, 6}, {7, 8, 12}});

        PublishedTable published = DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE_ROUNDED_TO_FIVE);

        assertThat(published.render()).isEqualTo("""
                \tburglary\tviolence\tdrugs\tTotal
                Ashford\t5\t5\t5\t20
                Dover\t5\t10\t10\t25
                Total\t15\t15\t20\t45
                """);
    }

    @Test
    void suppressionIsDecidedOnTheExactCountsBeforeRounding() {
        var table = CountTable.of(List.of("Ashford", "Dover"), List.of("burglary", "violence"),
                new int[][] {{3, 40}, {12, 21}});

        PublishedTable published = DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE_ROUNDED_TO_FIVE);

        assertThat(published.render()).isEqualTo("""
                \tburglary\tviolence\tTotal
                Ashford\t*\t*\t45
                Dover\t*\t*\t35
                Total\t15\t60\t75
                """);
    }
}
