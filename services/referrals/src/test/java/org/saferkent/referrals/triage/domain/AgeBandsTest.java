package org.saferkent.referrals.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeBandsTest {

    @Test
    void anAgeIsCompletedYearsOnTheDate() {
        LocalDate dob = LocalDate.of(2008, 5, 12);

        assertThat(AgeBands.ageOn(dob, LocalDate.of(2026, 5, 11))).isEqualTo(17);
        assertThat(AgeBands.ageOn(dob, LocalDate.of(2026, 5, 12))).isEqualTo(18);
        assertThat(AgeBands.ageOn(dob, dob)).isZero();
    }

    @Test
    void someoneBornOnALeapDayTurnsOlderOnTheFirstOfMarchInACommonYear() {
        LocalDate leapDay = LocalDate.of(2008, 2, 29);

        assertThat(AgeBands.ageOn(leapDay, LocalDate.of(2026, 2, 28))).isEqualTo(17);
        assertThat(AgeBands.ageOn(leapDay, LocalDate.of(2026, 3, 1))).isEqualTo(18);
        assertThat(AgeBands.ageOn(leapDay, LocalDate.of(2028, 2, 29))).isEqualTo(20);
    }

    @Test
    void noAgeBeforeBirth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AgeBands.ageOn(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 1)));
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({"0, 0-9", "9, 0-9", "10, 10-17", "17, 10-17", "18, 18-24", "24, 18-24", "25, 25-34", "34, 25-34",
            "35, 35-49", "49, 35-49", "50, 50-64", "64, 50-64", "65, 65+", "103, 65+"})
    void agesFallIntoReportingBands(int age, String band) {
        assertThat(AgeBands.band(age)).isEqualTo(band);
    }

    @Test
    void aNegativeAgeHasNoBand() {
        assertThatIllegalArgumentException().isThrownBy(() -> AgeBands.band(-1));
    }
}
