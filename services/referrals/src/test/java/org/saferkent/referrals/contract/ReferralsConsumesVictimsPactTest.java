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
 * What referrals needs from victims' case events to follow its referral's status
 * (contracts/pacts/referrals-victims.json): victims opens a case for every referral routed to it
 * (accepted) and closes it (a victim declining support is a closure with its reason).
 */
@ConsumerPactTest
@PactTestFor(providerName = "victims", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class ReferralsConsumesVictimsPactTest {

    private static final String CASE_ID = "c1d2e3f4-3333-4444-8555-b66677778888";
    private static final String REFERRAL_ID = "a3b2c1d0-1111-4222-8333-944455556666";

    @Pact(consumer = "referrals")
    MessagePact victimCaseOpened(MessagePactBuilder builder) {
        return builder.expectsToReceive("victims.VictimCaseOpened.v1")
                .withMetadata(cloudEvent("victims.VictimCaseOpened.v1", "/saferkent/victims", "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("referralId", REFERRAL_ID);
                    body.stringType("pathway", "domestic-abuse");
                }).build())
                .toPact();
    }

    @Pact(consumer = "referrals")
    MessagePact victimCaseClosed(MessagePactBuilder builder) {
        return builder.expectsToReceive("victims.VictimCaseClosed.v1")
                .withMetadata(cloudEvent("victims.VictimCaseClosed.v1", "/saferkent/victims", "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("referralId", REFERRAL_ID);
                    body.stringType("pathway", "domestic-abuse");
                    body.stringType("reason", "completed");
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "victimCaseOpened")
    void anOpenedCaseAcceptsTheReferralOnItsPathway(List<Message> messages) {
        CaseEvent opened = payload(messages.get(0), CaseEvent.class);

        assertThat(envelope(messages.get(0)).type()).isEqualTo("victims.VictimCaseOpened.v1");
        assertThat(opened.caseId()).isEqualTo(CASE_ID);
        assertThat(opened.referralId()).isEqualTo(REFERRAL_ID);
        assertThat(opened.pathwayOr("victim-support")).isEqualTo("domestic-abuse");
    }

    @Test
    @PactTestFor(pactMethod = "victimCaseClosed")
    void aClosedCaseClosesTheReferralWithItsReason(List<Message> messages) {
        CaseEvent closed = payload(messages.get(0), CaseEvent.class);

        assertThat(closed.caseId()).isEqualTo(CASE_ID);
        assertThat(closed.referralId()).isEqualTo(REFERRAL_ID);
        assertThat(closed.pathwayOr("victim-support")).isEqualTo("domestic-abuse");
        assertThat(closed.outcomeOrReason()).isEqualTo("completed");
    }
}
