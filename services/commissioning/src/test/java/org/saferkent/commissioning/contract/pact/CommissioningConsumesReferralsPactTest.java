package org.saferkent.commissioning.contract.pact;

import java.time.Instant;
import java.util.List;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;
import org.junit.jupiter.api.Test;
import org.saferkent.contracts.ConsumerPactTest;
import org.saferkent.commissioning.activity.adapter.in.messaging.AnsweredReferral;
import org.saferkent.commissioning.activity.adapter.in.messaging.ClosedReferral;
import org.saferkent.commissioning.activity.adapter.in.messaging.LinkedReferral;
import org.saferkent.commissioning.activity.adapter.in.messaging.RoutedReferral;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.CloudEventExpectations.INSTANT;
import static org.saferkent.contracts.CloudEventExpectations.cloudEvent;

/** What commissioning counts from referrals' events (contracts/pacts/commissioning-referrals.json). Never the subject. */
@ConsumerPactTest
@PactTestFor(providerName = "referrals", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class CommissioningConsumesReferralsPactTest {

    private static final String REFERRAL_ID = "a3b2c1d0-1111-4222-8333-944455556666";
    private static final String SOURCE = "/saferkent/referrals";

    @Pact(consumer = "commissioning")
    MessagePact referralRouted(MessagePactBuilder builder) {
        return builder.expectsToReceive("referrals.ReferralRouted.v1")
                .withMetadata(cloudEvent("referrals.ReferralRouted.v1", SOURCE, "^.+$", REFERRAL_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("referralId", REFERRAL_ID);
                    body.stringType("district", "swale");
                    body.stringType("pathway", "victim-support");
                    body.stringMatcher("routedAt", INSTANT, "2026-11-20T09:30:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "commissioning")
    MessagePact referralAccepted(MessagePactBuilder builder) {
        return builder.expectsToReceive("referrals.ReferralAccepted.v1")
                .withMetadata(cloudEvent("referrals.ReferralAccepted.v1", SOURCE, "^.+$", REFERRAL_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("referralId", REFERRAL_ID);
                    body.stringType("pathway", "victim-support");
                    body.stringType("caseId", "vc-0001");
                    body.stringType("district", "swale");
                    body.stringMatcher("acceptedAt", INSTANT, "2026-11-20T10:00:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "commissioning")
    MessagePact referralDeclined(MessagePactBuilder builder) {
        return builder.expectsToReceive("referrals.ReferralDeclined.v1")
                .withMetadata(cloudEvent("referrals.ReferralDeclined.v1", SOURCE, "^.+$", REFERRAL_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("referralId", REFERRAL_ID);
                    body.stringType("pathway", "restorative-justice");
                    body.stringType("district", "swale");
                    body.stringMatcher("declinedAt", INSTANT, "2026-11-20T10:00:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "commissioning")
    MessagePact referralClosed(MessagePactBuilder builder) {
        return builder.expectsToReceive("referrals.ReferralClosed.v1")
                .withMetadata(cloudEvent("referrals.ReferralClosed.v1", SOURCE, "^.+$", REFERRAL_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("referralId", REFERRAL_ID);
                    body.stringType("pathway", "youth-prevention");
                    body.stringType("caseId", "youth-prevention-" + REFERRAL_ID);
                    body.stringType("outcome", "completed");
                    body.stringType("district", "swale");
                    body.stringMatcher("closedAt", INSTANT, "2026-12-20T10:00:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "commissioning")
    MessagePact referralLinked(MessagePactBuilder builder) {
        return builder.expectsToReceive("referrals.ReferralLinked.v1")
                .withMetadata(cloudEvent("referrals.ReferralLinked.v1", SOURCE, "^.+$", REFERRAL_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("referralId", REFERRAL_ID);
                    body.stringType("linkedTo", "b4c3d2e1-2222-4333-8444-a55566667777");
                    body.stringType("district", "swale");
                    body.stringMatcher("linkedAt", INSTANT, "2026-11-20T11:00:00Z");
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "referralRouted")
    void aRoutedReferralCountsForItsDistrictAndPathway(List<Message> messages) {
        RoutedReferral routed = CommissioningRoutes.read(messages.get(0), RoutedReferral.class);

        assertThat(routed.referralId()).isEqualTo(REFERRAL_ID);
        assertThat(routed.district()).isEqualTo("swale");
        assertThat(routed.pathway()).isEqualTo("victim-support");
        assertThat(routed.routedAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
    }

    @Test
    @PactTestFor(pactMethod = "referralAccepted")
    void anAcceptedReferralCountsAsAccepted(List<Message> messages) {
        AnsweredReferral accepted = CommissioningRoutes.read(messages.get(0), AnsweredReferral.class);

        assertThat(accepted.referralId()).isEqualTo(REFERRAL_ID);
        assertThat(accepted.pathway()).isEqualTo("victim-support");
        assertThat(accepted.district()).isEqualTo("swale");
        assertThat(accepted.acceptedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(accepted.caseId()).isEqualTo("vc-0001");
    }

    @Test
    @PactTestFor(pactMethod = "referralClosed")
    void aClosedReferralCountsAsACaseClosedOnItsPathway(List<Message> messages) {
        ClosedReferral closed = CommissioningRoutes.read(messages.get(0), ClosedReferral.class);

        assertThat(closed.referralId()).isEqualTo(REFERRAL_ID);
        assertThat(closed.pathway()).isEqualTo("youth-prevention");
        assertThat(closed.outcome()).isEqualTo("completed");
        assertThat(closed.district()).isEqualTo("swale");
        assertThat(closed.closedAt()).isEqualTo(Instant.parse("2026-12-20T10:00:00Z"));
    }

    @Test
    @PactTestFor(pactMethod = "referralDeclined")
    void aDeclinedReferralCountsAsDeclined(List<Message> messages) {
        AnsweredReferral declined = CommissioningRoutes.read(messages.get(0), AnsweredReferral.class);

        assertThat(declined.pathway()).isEqualTo("restorative-justice");
        assertThat(declined.declinedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    @PactTestFor(pactMethod = "referralLinked")
    void aLinkedReferralIsNeverCountedTwice(List<Message> messages) {
        LinkedReferral linked = CommissioningRoutes.read(messages.get(0), LinkedReferral.class);

        assertThat(linked.linkedTo()).isEqualTo("b4c3d2e1-2222-4333-8444-a55566667777");
        assertThat(linked.district()).isEqualTo("swale");
        assertThat(linked.linkedAt()).isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
    }
}
