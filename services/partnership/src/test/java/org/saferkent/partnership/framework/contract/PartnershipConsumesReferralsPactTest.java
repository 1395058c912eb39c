package org.saferkent.partnership.framework.contract;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.CloudEventExpectations.INSTANT;
import static org.saferkent.contracts.CloudEventExpectations.cloudEvent;

import java.util.List;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;

import org.junit.jupiter.api.Test;
import org.saferkent.contracts.ConsumerPactTest;
import org.saferkent.partnership.framework.adapter.in.messaging.RjClosure;
import org.saferkent.partnership.framework.adapter.in.messaging.RoutedReferral;
import org.saferkent.partnership.framework.adapter.in.messaging.VictimContact;

/** What the performance framework reads of this producer (contracts/pacts/partnership-<producer>.json). */
@ConsumerPactTest
@PactTestFor(providerName = "referrals", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class PartnershipConsumesReferralsPactTest {

    private static final String REFERRAL_ID = "a3b2c1d0-1111-4222-8333-944455556666";

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
    void aRoutedReferralGivesItsCategoryTheSubjectsRoleAndPseudonym(List<Message> messages) {
        RoutedReferral routed = PactReading.read(messages.get(0), "referrals.ReferralRouted.v1", RoutedReferral.class);

        assertThat(routed.category()).isEqualTo("domestic-abuse");
        assertThat(routed.subjectRole()).isEqualTo("victim");
        assertThat(routed.subjectPseudonym()).isNotBlank();
        assertThat(routed.routedAt()).isNotNull();
    }
}
