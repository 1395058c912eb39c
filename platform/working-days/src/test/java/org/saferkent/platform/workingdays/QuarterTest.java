package org.saferkent.platform.workingdays;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void aCalendarQuarterIsWrittenYearDashQ() {
        Quarter quarter = Quarter.of(LocalDate.of(2026, 8, 14));

        assertThat(quarter).hasToString("2026-Q3");
        assertThat(quarter.firstDay()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(quarter.lastDay()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(Quarter.parse(" 2026-Q3 ")).contains(quarter);
        assertThat(Quarter.parse("2026-Q5")).isEmpty();
        assertThat(Quarter.parse("2026Q3")).isEmpty();
    }

    @Test
    void theFinancialYearQuarterCoversTheSameMonthsUnderThePublicSectorsLabel() {
        assertThat(new Quarter(2026, 2).financialYearLabel()).isEqualTo("2026/27-Q1"); // April to June
        assertThat(new Quarter(2026, 3).financialYearLabel()).isEqualTo("2026/27-Q2");
        assertThat(new Quarter(2027, 1).financialYearLabel()).isEqualTo("2026/27-Q4"); // January to March
        assertThat(new Quarter(2099, 4).financialYearLabel()).isEqualTo("2099/00-Q3");
    }

    @Test
    void aPeriodSpansEveryQuarterItTouches() {
        assertThat(Quarter.between(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 7, 1)))
                .extracting(Quarter::toString).containsExactly("2026-Q1", "2026-Q2", "2026-Q3");
        assertThat(new Quarter(2026, 4).next()).isEqualTo(new Quarter(2027, 1));
        assertThat(new Quarter(2026, 4).yearBefore()).isEqualTo(new Quarter(2025, 4));
    }
}
