package org.saferkent.rj.contract;

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
import org.saferkent.rj.rjcase.adapter.in.messaging.VictimOptIn;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.CloudEventExpectations.PSEUDONYM;
import static org.saferkent.contracts.CloudEventExpectations.cloudEvent;
import static org.saferkent.contracts.PactMessages.envelope;
import static org.saferkent.contracts.PactMessages.payload;

/** What restorative-justice needs from victims (contracts/pacts/restorative-justice-victims.json). */
@ConsumerPactTest
@PactTestFor(providerName = "victims", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class RjConsumesVictimsPactTest {

    private static final String CASE_ID = "c1d2e3f4-3333-4444-8555-b66677778888";
    private static final String SUBJECT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Pact(consumer = "restorative-justice")
    MessagePact victimOptedIn(MessagePactBuilder builder) {
        return builder.expectsToReceive("victims.VictimOptedIntoRestorativeJustice.v1")
                .withMetadata(cloudEvent("victims.VictimOptedIntoRestorativeJustice.v1", "/saferkent/victims", "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("referralId", "a3b2c1d0-1111-4222-8333-944455556666");
                    body.stringType("district", "dover");
                    body.stringType("category", "violent-crime");
                    body.stringMatcher("subjectPseudonym", PSEUDONYM, SUBJECT);
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "victimOptedIn")
    void aVictimsOptInCanOpenACase(List<Message> messages) {
        VictimOptIn optIn = payload(messages.get(0), VictimOptIn.class);

        assertThat(envelope(messages.get(0)).source()).isEqualTo("/saferkent/victims");
        assertThat(optIn.caseId()).isEqualTo(CASE_ID);
        assertThat(optIn.referralId()).isEqualTo("a3b2c1d0-1111-4222-8333-944455556666");
        assertThat(optIn.district()).isEqualTo("dover");
        assertThat(optIn.category()).isEqualTo("violent-crime");
        assertThat(optIn.subjectPseudonym()).isEqualTo(SUBJECT);
    }
}
