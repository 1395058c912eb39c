package org.saferkent.platform.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.disclosure.Attacker.Figure;

/**
 * Issue 22, item 6: a test tries to recover a suppressed count from the published cells and totals, and
 * fails. The attacker is given only the published table; the tests beside show it does recover counts
 * from tables protected by primary suppression alone, so its failure here means something.
 */
class SuppressedFiguresCannotBeRecoveredTest {

    private static final List<CountTable> TABLES = RandomTables.generate(22L, 500);

    private static final DisclosureRule PRIMARY_ONLY = new DisclosureRule(5, false, 1, false);

    @Test
    void solvingRowsAndColumnsOneUnknownAtATimeRecoversNoSuppressedCountInFiveHundredTables() {
        int suppressed = 0;
        for (CountTable table : TABLES) {
            PublishedTable published = DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE);
            suppressed += published.suppressed(Suppression.PRIMARY);

            assertThat(new Attacker(published).byRowsAndColumns()).as("recovered from%n%s", published.render()).isEmpty();
        }
        assertThat(suppressed).as("small counts in the generated tables").isGreaterThan(5_000);
    }

    @Test
    void combiningAllTheEquationsAtOnceRecoversNoSuppressedCountInFiveHundredTables() {
        for (CountTable table : TABLES) {
            PublishedTable published = DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE);

            assertThat(new Attacker(published).byLinearAlgebra()).as("recovered from%n%s", published.render()).isEmpty();
        }
    }

    @Test
    void otherThresholdsAndSuppressedZerosAreProtectedToo() {
        for (DisclosureRule rule : List.of(new DisclosureRule(10, false, 1, true), new DisclosureRule(5, true, 1, true),
                new DisclosureRule(3, true, 1, true))) {
            for (CountTable table : TABLES.subList(0, 200)) {
                PublishedTable published = DisclosureControl.apply(table, rule);
                var attacker = new Attacker(published);

                assertThat(attacker.byRowsAndColumns()).as("%s recovered from%n%s", rule, published.render()).isEmpty();
                assertThat(attacker.byLinearAlgebra()).as("%s recovered from%n%s", rule, published.render()).isEmpty();
            }
        }
    }

    @Test
    void tablesOfOneToThreeRowsAndColumnsAreProtectedToo() {
        for (CountTable table : RandomTables.generate(3L, 500, 1, 3, 1, 3)) {
            PublishedTable published = DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE);
            var attacker = new Attacker(published);

            assertThat(attacker.byRowsAndColumns()).as("recovered from%n%s", published.render()).isEmpty();
            assertThat(attacker.byLinearAlgebra()).as("recovered from%n%s", published.render()).isEmpty();
        }
    }

    @Test
    void withPrimarySuppressionAloneTheAttackerRecoversTheSmallCountsExactly() {
        int recovered = 0;
        for (CountTable table : TABLES) {
            PublishedTable published = DisclosureControl.apply(table, PRIMARY_ONLY);
            var attacker = new Attacker(published);
            Map<Figure, Integer> byLines = attacker.byRowsAndColumns();

            byLines.forEach((figure, value) -> assertThat(value).isEqualTo(exact(table, figure)));
            attacker.byLinearAlgebra().forEach((figure, value) -> assertThat(value).isEqualTo(exact(table, figure)));
            recovered += byLines.size();
        }
        assertThat(recovered).isGreaterThan(1_000);
    }

    @Test
    void aSmallCountAloneInItsRowIsItsRowTotalMinusTheOthers() {
        var table = CountTable.of(List.of("Dover", "Thanet"), List.of("burglary", "violence", "shoplifting"),
                new int[][] {{3, 10, 12}, {8, 7, 20}});

        PublishedTable published = DisclosureControl.apply(table, PRIMARY_ONLY);

        assertThat(published.cell("Dover", "burglary").isSuppressed()).isTrue();
        assertThat(new Attacker(published).byRowsAndColumns()).containsEntry(new Figure(0, 0), 3);
    }

    /**
     * Every row and column below holds two or more small counts, so no single line gives one away; but the
     * first two rows minus the first two columns leave exactly the cell Dover / criminal damage.
     */
    @Test
    void twoSuppressionsPerLineAreNotEnoughWhenLinesCanBeCombined() {
        var table = bridged();

        PublishedTable primaryOnly = DisclosureControl.apply(table, PRIMARY_ONLY);
        var attacker = new Attacker(primaryOnly);

        assertThat(attacker.byRowsAndColumns()).isEmpty();
        assertThat(attacker.byLinearAlgebra()).containsExactly(Map.entry(new Figure(1, 2), 2));

        PublishedTable protectedTable = DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE);
        assertThat(new Attacker(protectedTable).byLinearAlgebra()).isEmpty();
        assertThat(protectedTable.cell("Swale", "burglary").suppression()).isEqualTo(Suppression.SECONDARY);
        assertThat(protectedTable.suppressed(Suppression.SECONDARY)).isEqualTo(1);
    }

    static CountTable bridged() {
        return CountTable.of(List.of("Ashford", "Dover", "Swale", "Thanet"),
                List.of("burglary", "violence", "criminal damage", "drugs"),
                new int[][] {{1, 2, 9, 9}, {3, 4, 2, 9}, {9, 9, 1, 3}, {9, 9, 4, 2}});
    }

    private static int exact(CountTable table, Figure figure) {
        return SuppressionPattern.grid(table)[figure.row()][figure.column()];
    }
}
