package org.saferkent.rj.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PncIdsTest {

    private static final LocalDate BORN_2003 = LocalDate.of(2003, 5, 5);

    @Test
    void aTwoDigitYearAndItsFourDigitFormAreOneIdWhateverTheSpacesCaseOrLeadingZeros() {
        // (19 × 10,000,000 + 12345) mod 23 = 7: G
        assertThat(PncIds.canonical("2019/0012345G", BORN_2003)).hasValue("2019/0012345G");
        assertThat(PncIds.canonical("19/12345g", BORN_2003)).hasValue("2019/0012345G");
        assertThat(PncIds.canonical(" 19 / 0012345G ", BORN_2003)).hasValue("2019/0012345G");
        assertThat(PncIds.canonical("2019/12345G", BORN_2003)).hasValue("2019/0012345G");
    }

    @Test
    void aTwoDigitYearIsTheFirstYearEndingInThemOnOrAfterTheYearOfBirth() {
        assertThat(PncIds.fullYear(19, 2003)).isEqualTo(2019);
        assertThat(PncIds.fullYear(3, 2003)).isEqualTo(2003);
        assertThat(PncIds.fullYear(2, 2003)).isEqualTo(2102); // before their birth: not a date any record could have
        assertThat(PncIds.fullYear(95, 1985)).isEqualTo(1995);
        assertThat(PncIds.fullYear(5, 1985)).isEqualTo(2005); // first recorded at 20, across the century
        assertThat(PncIds.fullYear(0, 1999)).isEqualTo(2000);
        // the year's century is the person's, not today's: an adult first recorded in 1980 keeps 1980
        assertThat(PncIds.canonical("80/1" + PncIds.checkCharacter(80, 1), LocalDate.of(1965, 1, 1)))
                .hasValue("1980/0000001" + PncIds.checkCharacter(1980, 1));
    }

    @Test
    void theCheckCharacterIsChecked() {
        assertThat(PncIds.isValid("2019/0012345G")).isTrue();
        assertThat(PncIds.isValid("2019/0012345H")).isFalse();
        assertThat(PncIds.isValid("2019/0012346G")).isFalse(); // one digit mistyped
        assertThat(PncIds.isValid("2018/0012345G")).isFalse();
        assertThat(PncIds.canonical("2019/0012345H", BORN_2003)).isEmpty();
        assertThat(PncIds.checkCharacter(2000, 0)).isEqualTo('Z');
        assertThat(PncIds.checkCharacter(2000, 8)).isEqualTo('H');
        assertThat(PncIds.checkCharacter(2000, 9)).isEqualTo('J'); // no I
        assertThat(PncIds.checkCharacter(2000, 22)).isEqualTo('Y');
        assertThat(PncIds.checkCharacter(2000, 23)).isEqualTo('Z');
    }

    @Test
    void notAPncId() {
        assertThat(PncIds.isValid(null)).isFalse();
        assertThat(PncIds.isValid("")).isFalse();
        assertThat(PncIds.isValid("PNC 9999")).isFalse();
        assertThat(PncIds.isValid("201/12345G")).isFalse(); // a three-digit year
        assertThat(PncIds.isValid("2019/12345678G")).isFalse(); // eight digits
        assertThat(PncIds.isValid("2019/12345")).isFalse(); // no check character
    }
}
