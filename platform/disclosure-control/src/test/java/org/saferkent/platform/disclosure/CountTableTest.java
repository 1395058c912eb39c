package org.saferkent.platform.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CountTableTest {

    @Test
    void totalsAreTheSumsOfTheCells() {
        var table = CountTable.of(List.of("Ashford", "Dover"), List.of("burglary", "violence", "drugs"),
                new int[][] {{1, 2, 3}, {10, 20, 30}});

        assertThat(table.rowTotal(1)).isEqualTo(60);
        assertThat(table.columnTotal(2)).isEqualTo(33);
        assertThat(table.grandTotal()).isEqualTo(66);
    }

    @Test
    void aBuilderAddsUpCountsByLabel() {
        var table = CountTable.builder(List.of("Ashford", "Dover"), List.of("burglary", "violence"))
                .add("Dover", "violence", 2).add("Dover", "violence", 3).add("Ashford", "burglary", 1).build();

        assertThat(table.count(1, 1)).isEqualTo(5);
        assertThat(table.count(0, 1)).isZero();
        assertThat(table.grandTotal()).isEqualTo(6);
    }

    @Test
    void badTablesAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> CountTable.of(List.of("Ashford"), List.of("burglary"), new int[][] {{-1}}))
                .hasMessageContaining("Ashford / burglary is negative");
        assertThatThrownBy(() -> CountTable.of(List.of("Ashford"), List.of("burglary", "drugs"), new int[][] {{1}}))
                .hasMessageContaining("row Ashford has 1 counts for 2 columns");
        assertThatThrownBy(() -> CountTable.of(List.of("Dover", "Dover"), List.of("burglary"), new int[][] {{1}, {2}}))
                .hasMessageContaining("Dover is named twice");
        assertThatThrownBy(() -> CountTable.builder(List.of("Dover"), List.of("burglary")).add("Deal", "burglary", 1))
                .hasMessageContaining("no row Deal");
    }
}
