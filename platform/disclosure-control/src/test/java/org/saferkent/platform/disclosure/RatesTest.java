package org.saferkent.platform.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.platform.disclosure.Suppression.PRIMARY;
import static org.saferkent.platform.disclosure.Suppression.SECONDARY;

import java.util.List;

import org.junit.jupiter.api.Test;

class RatesTest {

    private final DisclosureControl control = DisclosureControl.withDefaultAudiences();

    @Test
    void aRateOfTwoPublishedCountsIsTheirQuotient() {
        PublishedRate rate = PublishedRate.of(PublishedCount.of(5), PublishedCount.of(20));

        assertThat(rate.value()).isEqualTo(0.25);
        assertThat(rate.percent(1)).isEqualTo(25.0);
        assertThat(rate).hasToString("25.0%");
    }

    @Test
    void aRateOverASuppressedCountIsSuppressedForTheSameReason() {
        assertThat(PublishedRate.of(PublishedCount.suppressed(PRIMARY), PublishedCount.of(20)).suppression()).isEqualTo(PRIMARY);
        assertThat(PublishedRate.of(PublishedCount.of(20), PublishedCount.suppressed(SECONDARY)).suppression()).isEqualTo(SECONDARY);
        assertThat(PublishedRate.of(PublishedCount.suppressed(SECONDARY), PublishedCount.suppressed(PRIMARY)).suppression()).isEqualTo(PRIMARY);
        assertThat(PublishedRate.of(PublishedCount.suppressed(PRIMARY), PublishedCount.of(20))).hasToString("*");
    }

    @Test
    void aRateOverZeroIsNotPublishedButIsNotASuppression() {
        PublishedRate rate = PublishedRate.of(PublishedCount.of(0), PublishedCount.of(0));

        assertThat(rate.isPublished()).isFalse();
        assertThat(rate.isSuppressed()).isFalse();
        assertThat(rate).hasToString("-");
    }

    @Test
    void aRateOfACellOverItsRowTotalIsSuppressedWhenTheCellIs() {
        var table = CountTable.of(List.of("Ashford", "Dover"), List.of("contacted in time", "late"),
                new int[][] {{3, 40}, {12, 21}});
        PublishedTable published = control.publish(table, Audiences.PCC_OFFICE);

        assertThat(PublishedRate.of(published.cell("Ashford", "contacted in time"), published.rowTotal("Ashford"))
                .isSuppressed()).isTrue();
        assertThat(PublishedRate.of(published.cell("Dover", "late"), published.rowTotal("Dover"))
                .isSuppressed()).as("a secondary cell's rate would give it away too").isTrue();
        assertThat(PublishedRate.of(published.columnTotal("late"), published.grandTotal()).percent(1)).isEqualTo(80.3);
    }

    @Test
    void aRateOfTwoCountsOnTheirOwnUsesTheAudiencesPublishedCounts() {
        assertThat(control.rate(3, 40, Audiences.PUBLIC).suppression()).isEqualTo(PRIMARY);
        assertThat(control.rate(12, 40, Audiences.PCC_OFFICE).value()).isEqualTo(0.3);
        assertThat(control.rate(12, 40, Audiences.PUBLIC).value()).as("10 of 40, as published").isEqualTo(0.25);
        assertThat(control.rate(3, 40, Audiences.MOJ_RETURN).value()).isEqualTo(0.075);
    }
}
