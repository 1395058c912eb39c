package org.saferkent.partnership.assessment.contract;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.CloudEventExpectations.INSTANT;
import static org.saferkent.contracts.CloudEventExpectations.cloudEvent;
import static org.saferkent.contracts.PactMessages.envelope;
import static org.saferkent.contracts.PactMessages.payload;

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
import org.saferkent.partnership.assessment.adapter.in.messaging.LinkedReferral;
import org.saferkent.partnership.assessment.adapter.in.messaging.ReceivedReferral;
import org.saferkent.partnership.framework.adapter.in.messaging.RoutedReferral;

/**
 * What partnership reads of referrals' events (contracts/pacts/partnership-referrals.json): for the strategic
 * assessment where, what and when a referral was received and which was a duplicate; for the performance framework
 * a routed referral's category and its subject's role and pseudonym (never more of the subject).
 */
@ConsumerPactTest
@PactTestFor(providerName = "referrals", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class PartnershipConsumesReferralsPactTest {

    private static final String REFERRAL_ID = "a3b2c1d0-1111-4222-8333-944455556666";
    private static final String SOURCE = "/saferkent/referrals";

    @Pact(consumer = "partnership")
    MessagePact referralReceived(MessagePactBuilder builder) {
        return builder.expectsToReceive("referrals.ReferralReceived.v1")
                .withMetadata(cloudEvent("referrals.ReferralReceived.v1", SOURCE, "^.+$", REFERRAL_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("referralId", REFERRAL_ID);
                    body.stringType("district", "maidstone");
                    body.stringType("category", "domestic-abuse");
                    body.stringMatcher("receivedAt", INSTANT, "2026-11-20T09:30:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "partnership")
    MessagePact referralLinked(MessagePactBuilder builder) {
        return builder.expectsToReceive("referrals.ReferralLinked.v1")
                .withMetadata(cloudEvent("referrals.ReferralLinked.v1", SOURCE, "^.+$", REFERRAL_ID))
                .withContent(newJsonBody(body -> body.stringType("referralId", REFERRAL_ID)).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "referralReceived")
    void aReceivedReferralIsCountedByDistrictCategoryAndMonth(List<Message> messages) {
        assertThat(envelope(messages.get(0)).type()).isEqualTo("referrals.ReferralReceived.v1");
        ReceivedReferral received = payload(messages.get(0), ReceivedReferral.class);

        assertThat(received.referralId()).isEqualTo(REFERRAL_ID);
        assertThat(received.district()).isEqualTo("maidstone");
        assertThat(received.category()).isEqualTo("domestic-abuse");
        assertThat(received.receivedAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
    }

    @Test
    @PactTestFor(pactMethod = "referralLinked")
    void aLinkedReferralIsLeftOutAsADuplicate(List<Message> messages) {
        assertThat(payload(messages.get(0), LinkedReferral.class).referralId()).isEqualTo(REFERRAL_ID);
    }

    // the performance framework's part of the same pact (one consumer, one provider: one test class writes it)

    @Pact(consumer = "partnership")
    MessagePact referralRouted(MessagePactBuilder builder) {
        return builder.expectsToReceive("referrals.ReferralRouted.v1")
                .withMetadata(cloudEvent("referrals.ReferralRouted.v1", "/saferkent/referrals", "^.+$", REFERRAL_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("referralId", REFERRAL_ID);
                    body.stringType("district", "swale");
                    body.stringType("category", "domestic-abuse");
                    body.stringMatcher("subjectRole", "^(victim|offender|vulnerable-person|family)$", "victim");
                    body.stringType("subjectPseudonym", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae");
                    body.stringMatcher("routedAt", INSTANT, "2026-11-20T09:30:00Z");
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "referralRouted")
    void aRoutedReferralGivesTheFrameworkItsCategoryTheSubjectsRoleAndPseudonym(List<Message> messages) {
        RoutedReferral routed = payload(messages.get(0), RoutedReferral.class);

        assertThat(routed.category()).isEqualTo("domestic-abuse");
        assertThat(routed.subjectRole()).isEqualTo("victim");
        assertThat(routed.subjectPseudonym()).isNotBlank();
        assertThat(routed.routedAt()).isNotNull();
    }
}
