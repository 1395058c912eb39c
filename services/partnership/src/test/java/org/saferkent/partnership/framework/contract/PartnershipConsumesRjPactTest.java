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
@PactTestFor(providerName = "restorative-justice", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class PartnershipConsumesRjPactTest {

    private static final String CASE_ID = "d4e5f6a7-4444-4555-8666-c77788889999";

    @Pact(consumer = "partnership")
    MessagePact rjCaseClosed(MessagePactBuilder builder) {
        return builder.expectsToReceive("rj.RjCaseClosed.v1")
                .withMetadata(cloudEvent("rj.RjCaseClosed.v1", "/saferkent/restorative-justice", "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("district", "gravesham");
                    body.stringMatcher("reason", "^(completed|failed|consent-withdrawn|other)$", "completed");
                    body.stringMatcher("closedAt", INSTANT, "2026-12-11T09:00:00Z");
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "rjCaseClosed")
    void aClosureSaysWhetherTheCaseWasCompleted(List<Message> messages) {
        RjClosure closure = PactReading.read(messages.get(0), "rj.RjCaseClosed.v1", RjClosure.class);

        assertThat(closure.closeReason()).isEqualTo("completed");
    }
}
