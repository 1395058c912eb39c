package org.saferkent.platform.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.platform.disclosure.Suppression.PRIMARY;
import static org.saferkent.platform.disclosure.Suppression.SECONDARY;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static final List<String> DISTRICTS = List.of("Ashford", "Dover", "Swale");
    private static final List<String> CATEGORIES = List.of("burglary", "violence", "drugs");
    private static final DisclosureRule PRIMARY_ONLY = new DisclosureRule(5, false, 1, false);

    @Test
    void countsFromOneToFourAreSuppressedAndZerosAndFivesArePublished() {
        var table = CountTable.of(List.of("Ashford"), List.of("a", "b", "c", "d", "e", "f"),
                new int[][] {{0, 1, 2, 3, 4, 5}});

        PublishedTable published = DisclosureControl.apply(table, PRIMARY_ONLY);

        assertThat(published.cells().get(0)).extracting(PublishedCount::toString)
                .containsExactly("0", "*", "*", "*", "*", "5");
        assertThat(published.cell(0, 1).suppression()).isEqualTo(PRIMARY);
        assertThat(published.rowTotal("Ashford")).isEqualTo(PublishedCount.of(15));
    }

    @Test
    void theThresholdAndZerosAreTheRulesChoice() {
        var table = CountTable.of(List.of("Ashford"), List.of("a", "b", "c"), new int[][] {{0, 7, 12}});

        PublishedTable published = DisclosureControl.apply(table, new DisclosureRule(10, true, 1, false));

        assertThat(published.cells().get(0)).extracting(PublishedCount::suppression)
                .containsExactly(PRIMARY, PRIMARY, null);
    }

    @Test
    void aSmallTotalIsSuppressedLikeAnySmallCount() {
        var table = CountTable.of(DISTRICTS, List.of("burglary"), new int[][] {{3}, {10}, {12}});

        PublishedTable published = DisclosureControl.apply(table, PRIMARY_ONLY);

        assertThat(published.rowTotal("Ashford").suppression()).isEqualTo(PRIMARY);
    }

    @Test
    void aSuppressedCountGetsACompanionInItsRowAndInItsColumn() {
        var table = CountTable.of(List.of("Ashford", "Dover"), CATEGORIES, new int[][] {{3, 12, 7}, {10, 15, 20}});

        PublishedTable published = DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE);

        assertThat(published.render()).isEqualTo("""
                \tburglary\tviolence\tdrugs\tTotal
                Ashford\t*\t12\t*\t22
                Dover\t*\t15\t*\t45
                Total\t13\t27\t27\t67
                """);
        assertThat(published.cell("Ashford", "burglary").suppression()).isEqualTo(PRIMARY);
        assertThat(published.cell("Ashford", "drugs").suppression()).as("smallest other cell in its row").isEqualTo(SECONDARY);
        assertThat(published.cell("Dover", "burglary").suppression()).as("the only other cell in its column").isEqualTo(SECONDARY);
    }

    @Test
    void aCompanionChosenForAColumnNeedsItsOwnCompanionInItsRow() {
        var table = CountTable.of(DISTRICTS, CATEGORIES, new int[][] {{2, 6, 9}, {8, 50, 30}, {11, 40, 7}});

        PublishedTable published = DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE);

        // 2 is small; 6 protects it in its row, 8 in its column; 40 protects 6 in its column; then 8 and 40
        // are alone in their rows: 30 and 7
        assertThat(secondary(published)).containsExactly("Ashford/violence", "Dover/burglary", "Dover/drugs",
                "Swale/violence", "Swale/drugs");
        assertThat(published.rowTotals()).noneMatch(PublishedCount::isSuppressed);
        assertThat(published.columnTotals()).noneMatch(PublishedCount::isSuppressed);
    }

    @Test
    void theSmallestOtherCellIsChosenAndTiesGoToTheFirst() {
        var table = CountTable.of(List.of("Ashford", "Dover"), CATEGORIES, new int[][] {{2, 8, 8}, {20, 30, 40}});

        PublishedTable published = DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE);

        assertThat(secondary(published)).containsExactly("Ashford/violence", "Dover/burglary", "Dover/violence");
    }

    @Test
    void whenTheOtherCellsOfARowAreZeroItsTotalIsSuppressedAndTheZeroIsStillPublished() {
        var table = CountTable.of(DISTRICTS, List.of("burglary", "drugs"), new int[][] {{3, 0}, {7, 0}, {9, 20}});

        PublishedTable published = DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE);

        assertThat(published.cell("Dover", "burglary").suppression()).isEqualTo(SECONDARY);
        assertThat(published.cell("Dover", "drugs")).isEqualTo(PublishedCount.of(0));
        assertThat(published.rowTotal("Dover").suppression()).isEqualTo(SECONDARY);
        assertThat(published.rowTotal("Ashford").suppression()).isEqualTo(PRIMARY);
        assertThat(published.grandTotal()).isEqualTo(PublishedCount.of(39));
    }

    @Test
    void inATableOfOneDistrictTheCategoryTotalsAreItsCellsAndAreSuppressedWithThem() {
        var table = CountTable.of(List.of("Ashford"), List.of("burglary", "violence"), new int[][] {{3, 10}});

        PublishedTable published = DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE);

        assertThat(published.render()).isEqualTo("""
                \tburglary\tviolence\tTotal
                Ashford\t*\t*\t13
                Total\t*\t*\t13
                """);
    }

    @Test
    void withoutSecondarySuppressionOnlyTheSmallCountsAreHidden() {
        var table = CountTable.of(List.of("Ashford", "Dover"), CATEGORIES, new int[][] {{3, 12, 7}, {10, 15, 20}});

        PublishedTable published = DisclosureControl.apply(table, PRIMARY_ONLY);

        assertThat(published.suppressed(PRIMARY)).isEqualTo(1);
        assertThat(published.suppressed(SECONDARY)).isZero();
    }

    @Test
    void aTableWithNothingSmallIsPublishedAsItIs() {
        var table = CountTable.of(List.of("Ashford", "Dover"), CATEGORIES, new int[][] {{5, 12, 7}, {10, 0, 20}});

        PublishedTable published = DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE);

        assertThat(published.render()).isEqualTo(DisclosureControl.apply(table, DisclosureRule.EXACT).render());
        assertThat(published.suppressed(PRIMARY) + published.suppressed(SECONDARY)).isZero();
    }

    @Test
    void theSameTableIsAlwaysSuppressedTheSameWay() {
        for (CountTable table : RandomTables.generate(7L, 50)) {
            assertThat(DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE))
                    .isEqualTo(DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE));
        }
    }

    @Test
    void everyPublishedFigureIsTheExactOneAndEverySmallOneIsSuppressed() {
        for (CountTable table : RandomTables.generate(23L, 200)) {
            PublishedTable published = DisclosureControl.apply(table, DisclosureRule.SUPPRESS_UNDER_FIVE);
            int[][] exact = SuppressionPattern.grid(table);
            for (int r = 0; r < exact.length; r++) {
                for (int c = 0; c < exact[r].length; c++) {
                    PublishedCount figure = Attacker.figure(published, r, c);
                    boolean small = exact[r][c] >= 1 && exact[r][c] <= 4;
                    assertThat(figure.suppression() == PRIMARY).isEqualTo(small);
                    if (!figure.isSuppressed()) {
                        assertThat(figure.value()).isEqualTo(exact[r][c]);
                    }
                }
            }
        }
    }

    private static List<String> secondary(PublishedTable published) {
        List<String> cells = new ArrayList<>();
        for (int r = 0; r < published.rows().size(); r++) {
            for (int c = 0; c < published.columns().size(); c++) {
                if (published.cell(r, c).suppression() == SECONDARY) {
                    cells.add(published.rows().get(r) + "/" + published.columns().get(c));
                }
            }
        }
        return cells;
    }
}
