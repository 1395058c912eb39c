package org.saferkent.platform.workingdays;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuarterLabelTest {

    @Test
    void aQuarterIsThreeCalendarMonths() {
        Quarter q3 = Quarter.parse("2026-Q3").orElseThrow();

        assertThat(q3.firstDay()).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(q3.lastDay()).isEqualTo(LocalDate.parse("2026-09-30"));
        assertThat(q3.yearBefore()).hasToString("2025-Q3");
        assertThat(Quarter.of(LocalDate.parse("2026-12-31"))).hasToString("2026-Q4");
        assertThat(Quarter.of(LocalDate.parse("2026-04-01"))).hasToString("2026-Q2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-Q5", "2026-Q0", "2026Q3", "26-Q3", "Q3-2026", ""})
    void anythingElseIsNotAQuarter(String text) {
        assertThat(Quarter.parse(text)).isEmpty();
    }
}
