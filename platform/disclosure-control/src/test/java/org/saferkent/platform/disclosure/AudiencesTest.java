package org.saferkent.platform.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AudiencesTest {

    private final DisclosureControl control = DisclosureControl.withDefaultAudiences();
    private final CountTable table = CountTable.of(List.of("Ashford", "Dover"), List.of("burglary", "violence"),
            new int[][] {{3, 41}, {12, 21}});

    @Test
    void thePanelAndThePccsOfficeSeeSmallCountsSuppressedAndTheRestExact() {
        for (String audience : List.of(Audiences.POLICE_CRIME_PANEL, Audiences.PCC_OFFICE)) {
            PublishedTable published = control.publish(table, audience);

            assertThat(published.cell("Ashford", "burglary").suppression()).isEqualTo(Suppression.PRIMARY);
            assertThat(published.cell("Dover", "violence").suppression()).isEqualTo(Suppression.SECONDARY);
            assertThat(published.rowTotal("Ashford")).isEqualTo(PublishedCount.of(44));
        }
    }

    @Test
    void thePublicSeesSmallCountsSuppressedAndEverythingRoundedToFive() {
        PublishedTable published = control.publish(table, Audiences.PUBLIC);

        assertThat(published.cell("Ashford", "burglary").isSuppressed()).isTrue();
        assertThat(published.rowTotal("Ashford")).isEqualTo(PublishedCount.of(45));
        assertThat(published.grandTotal()).isEqualTo(PublishedCount.of(75));
    }

    @Test
    void theMojReturnGetsExactFigures() {
        PublishedTable published = control.publish(table, Audiences.MOJ_RETURN);

        assertThat(published.cell("Ashford", "burglary")).isEqualTo(PublishedCount.of(3));
        assertThat(published.grandTotal()).isEqualTo(PublishedCount.of(77));
        assertThat(control.rule(Audiences.MOJ_RETURN).isExact()).isTrue();
    }

    @Test
    void anAudienceWithoutARuleIsRefusedRatherThanGivenExactFigures() {
        assertThatThrownBy(() -> control.publish(table, "pubic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pubic'")
                .hasMessageContaining("police-crime-panel, pcc-office, public, moj-return");
    }

    @Test
    void aCountOnItsOwnIsSuppressedOrRoundedByTheAudiencesRule() {
        assertThat(control.publish(3, Audiences.POLICE_CRIME_PANEL).suppression()).isEqualTo(Suppression.PRIMARY);
        assertThat(control.publish(0, Audiences.POLICE_CRIME_PANEL)).isEqualTo(PublishedCount.of(0));
        assertThat(control.publish(13, Audiences.PUBLIC)).isEqualTo(PublishedCount.of(15));
        assertThat(control.publish(3, Audiences.MOJ_RETURN)).isEqualTo(PublishedCount.of(3));
    }

    @Test
    void rulesAreConfiguredPerAudience() {
        var custom = new DisclosureControl(Map.of("ward-profile", new DisclosureRule(10, true, 1, true)));

        assertThat(custom.audiences()).containsExactly("ward-profile");
        assertThat(custom.publish(7, "ward-profile").isSuppressed()).isTrue();
    }

    @Test
    void aRuleWithoutMeaningIsRefused() {
        assertThatThrownBy(() -> new DisclosureRule(-1, false, 1, true)).hasMessageContaining("minimumPublishable");
        assertThatThrownBy(() -> new DisclosureRule(5, false, 0, true)).hasMessageContaining("roundingBase");
    }
}
