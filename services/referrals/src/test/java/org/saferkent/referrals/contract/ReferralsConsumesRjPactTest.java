package org.saferkent.referrals.contract;

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
import org.saferkent.referrals.referral.adapter.in.messaging.CaseEvent;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.CloudEventExpectations.cloudEvent;
import static org.saferkent.contracts.PactMessages.envelope;
import static org.saferkent.contracts.PactMessages.payload;

/**
 * What referrals needs from restorative justice cases opened from a referral
 * (contracts/pacts/referrals-restorative-justice.json).
 */
@ConsumerPactTest
@PactTestFor(providerName = "restorative-justice", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class ReferralsConsumesRjPactTest {

    private static final String CASE_ID = "d4e5f6a7-4444-4555-8666-c77788889999";
    private static final String REFERRAL_ID = "a3b2c1d0-1111-4222-8333-944455556666";

    @Pact(consumer = "referrals")
    MessagePact rjCaseOpened(MessagePactBuilder builder) {
        return builder.expectsToReceive("rj.RjCaseOpened.v1")
                .withMetadata(cloudEvent("rj.RjCaseOpened.v1", "/saferkent/restorative-justice", "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("referralId", REFERRAL_ID);
                }).build())
                .toPact();
    }

    @Pact(consumer = "referrals")
    MessagePact rjCaseClosed(MessagePactBuilder builder) {
        return builder.expectsToReceive("rj.RjCaseClosed.v1")
                .withMetadata(cloudEvent("rj.RjCaseClosed.v1", "/saferkent/restorative-justice", "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("referralId", REFERRAL_ID);
                    body.stringType("reason", "completed");
                    body.stringType("outcome", "completed");
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "rjCaseOpened")
    void aCaseOpenedFromTheReferralAcceptsIt(List<Message> messages) {
        CaseEvent opened = payload(messages.get(0), CaseEvent.class);

        assertThat(envelope(messages.get(0)).source()).isEqualTo("/saferkent/restorative-justice");
        assertThat(opened.caseId()).isEqualTo(CASE_ID);
        assertThat(opened.referralId()).isEqualTo(REFERRAL_ID);
    }

    @Test
    @PactTestFor(pactMethod = "rjCaseClosed")
    void aClosedCaseClosesTheReferralWithItsOutcome(List<Message> messages) {
        CaseEvent closed = payload(messages.get(0), CaseEvent.class);

        assertThat(closed.referralId()).isEqualTo(REFERRAL_ID);
        assertThat(closed.outcomeOrReason()).isEqualTo("completed");
    }
}
