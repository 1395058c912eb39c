package org.saferkent.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireNamesTest {

    @EventType("referrals.ReferralRouted.v1")
    record Routed(String referralId) {
    }

    @EventType("restorative-justice.CaseOpened.v12")
    record HyphenatedService() {
    }

    record NotAnnotated(String referralId) {
    }

    @EventType("Referrals.referral-routed.1")
    record BadlyFormatted() {
    }

    @EventType("referrals.ReferralRoutedEvent.v1")
    record EventSuffix() {
    }

    @Test
    void aWellFormedWireNameIsResolvedFromTheAnnotation() {
        assertThat(WireNames.of(Routed.class)).isEqualTo("referrals.ReferralRouted.v1");
        assertThat(WireNames.of(HyphenatedService.class)).isEqualTo("restorative-justice.CaseOpened.v12");
    }

    @Test
    void aClassWithoutTheAnnotationIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> WireNames.of(NotAnnotated.class))
                .withMessageContaining(NotAnnotated.class.getName())
                .withMessageContaining("@EventType");
    }

    @Test
    void aBadlyFormattedWireNameIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> WireNames.of(BadlyFormatted.class))
                .withMessageContaining("Referrals.referral-routed.1");
    }

    @Test
    void aWireNameEndingInEventIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> WireNames.of(EventSuffix.class))
                .withMessageContaining("referrals.ReferralRoutedEvent.v1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"referrals.ReferralRouted.v1", "ops.DeadLetterRecorded.v2", "victims-2.Contacted.v10"})
    void wellFormedNamesAreAccepted(String wireName) {
        assertThat(WireNames.isWellFormed(wireName)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "referrals.ReferralRouted", "referrals.ReferralRouted.v0", "referrals.referralRouted.v1",
            "Referrals.ReferralRouted.v1", "referrals.ReferralRouted.V1", "referrals.Referral.Routed.v1",
            "referrals.ReferralRoutedEvent.v1", "referrals.Event.v1"})
    void malformedNamesAreRefused(String wireName) {
        assertThat(WireNames.isWellFormed(wireName)).isFalse();
    }

    @Test
    void noNameIsRefused() {
        assertThat(WireNames.isWellFormed(null)).isFalse();
    }
}
