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
@PactTestFor(providerName = "victims", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class PartnershipConsumesVictimsPactTest {

    private static final String CASE_ID = "c1d2e3f4-3333-4444-8555-b66677778888";

    @Pact(consumer = "partnership")
    MessagePact victimContacted(MessagePactBuilder builder) {
        return builder.expectsToReceive("victims.VictimContacted.v1")
                .withMetadata(cloudEvent("victims.VictimContacted.v1", "/saferkent/victims", "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("district", "thanet");
                    body.booleanType("firstContact", true);
                    body.booleanType("withinTimeLimit", true);
                    body.stringMatcher("attemptedAt", INSTANT, "2026-11-21T10:00:00Z");
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "victimContacted")
    void aFirstContactSaysWhetherItWasWithinTheCode(List<Message> messages) {
        VictimContact contact = PactReading.read(messages.get(0), "victims.VictimContacted.v1", VictimContact.class);

        assertThat(contact.firstContact()).isTrue();
        assertThat(contact.withinTimeLimit()).isTrue();
        assertThat(contact.district()).isEqualTo("thanet");
    }
}
