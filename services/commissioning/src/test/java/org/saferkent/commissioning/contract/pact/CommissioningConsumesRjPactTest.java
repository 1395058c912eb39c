package org.saferkent.commissioning.contract.pact;

import java.time.LocalDate;
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
import org.saferkent.commissioning.activity.adapter.in.messaging.FirstTimeEntrant;
import org.saferkent.commissioning.activity.adapter.in.messaging.RjCaseOpening;
import org.saferkent.commissioning.activity.adapter.in.messaging.RjClosure;
import org.saferkent.commissioning.activity.adapter.in.messaging.RjOutcome;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.CloudEventExpectations.DATE;
import static org.saferkent.contracts.CloudEventExpectations.INSTANT;
import static org.saferkent.contracts.CloudEventExpectations.cloudEvent;

/**
 * What commissioning counts from restorative justice: cases (rj.case.events) and first-time
 * entrants (rj.disposal.events) — contracts/pacts/commissioning-restorative-justice.json.
 */
@ConsumerPactTest
@PactTestFor(providerName = "restorative-justice", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class CommissioningConsumesRjPactTest {

    private static final String CASE_ID = "d4e5f6a7-4444-4555-8666-c77788889999";
    private static final String SOURCE = "/saferkent/restorative-justice";

    @Pact(consumer = "commissioning")
    MessagePact rjCaseOpened(MessagePactBuilder builder) {
        return builder.expectsToReceive("rj.RjCaseOpened.v1")
                .withMetadata(cloudEvent("rj.RjCaseOpened.v1", SOURCE, "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("district", "gravesham");
                    body.stringMatcher("source", "^(referral|victim-case|yos)$", "referral");
                    body.stringMatcher("openedAt", INSTANT, "2026-11-20T09:32:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "commissioning")
    MessagePact rjOutcomeRecorded(MessagePactBuilder builder) {
        return builder.expectsToReceive("rj.RjOutcomeRecorded.v1")
                .withMetadata(cloudEvent("rj.RjOutcomeRecorded.v1", SOURCE, "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("district", "gravesham");
                    body.integerType("victimSatisfaction", 5);
                    body.booleanType("wouldRecommend", true);
                    body.stringMatcher("recordedAt", INSTANT, "2026-12-10T15:00:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "commissioning")
    MessagePact rjCaseClosed(MessagePactBuilder builder) {
        return builder.expectsToReceive("rj.RjCaseClosed.v1")
                .withMetadata(cloudEvent("rj.RjCaseClosed.v1", SOURCE, "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("district", "gravesham");
                    body.stringMatcher("reason", "^(completed|failed|consent-withdrawn|other)$", "completed");
                    body.stringMatcher("outcome", "^(completed|failed|consent-withdrawn|other)$", "completed");
                    body.stringMatcher("closedAt", INSTANT, "2026-12-11T09:00:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "commissioning")
    MessagePact firstTimeEntrantRecorded(MessagePactBuilder builder) {
        return builder.expectsToReceive("rj.FirstTimeEntrantRecorded.v1")
                .withMetadata(cloudEvent("rj.FirstTimeEntrantRecorded.v1", SOURCE, "^.+$",
                        "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"))
                .withContent(newJsonBody(body -> {
                    body.stringType("disposalId", "e5f6a7b8-5555-4666-8777-d88899990000");
                    body.stringType("district", "gravesham");
                    body.stringMatcher("quarter", "^[0-9]{4}-Q[1-4]$", "2026-Q3");
                    body.stringMatcher("disposalDate", DATE, "2026-08-14");
                    body.integerType("ageAtDisposal", 15);
                    body.stringMatcher("recordedAt", INSTANT, "2026-08-15T08:00:00Z");
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "rjCaseOpened")
    void anOpenedCaseCountsForItsDistrict(List<Message> messages) {
        RjCaseOpening opened = CommissioningRoutes.read(messages.get(0), RjCaseOpening.class);

        assertThat(opened.caseId()).isEqualTo(CASE_ID);
        assertThat(opened.district()).isEqualTo("gravesham");
        assertThat(opened.source()).isEqualTo("referral");
    }

    @Test
    @PactTestFor(pactMethod = "rjOutcomeRecorded")
    void anOutcomeGivesTheVictimsSatisfaction(List<Message> messages) {
        RjOutcome outcome = CommissioningRoutes.read(messages.get(0), RjOutcome.class);

        assertThat(outcome.victimSatisfaction()).isEqualTo(5);
        assertThat(outcome.wouldRecommend()).isTrue();
    }

    @Test
    @PactTestFor(pactMethod = "rjCaseClosed")
    void aClosureSaysWhetherTheCaseWasCompleted(List<Message> messages) {
        RjClosure closure = CommissioningRoutes.read(messages.get(0), RjClosure.class);

        assertThat(closure.closeReason()).isEqualTo("completed");
    }

    @Test
    @PactTestFor(pactMethod = "firstTimeEntrantRecorded")
    void aFirstTimeEntrantCountsInItsQuarter(List<Message> messages) {
        FirstTimeEntrant entrant = CommissioningRoutes.read(messages.get(0), FirstTimeEntrant.class);

        assertThat(entrant.quarter()).isEqualTo("2026-Q3");
        assertThat(entrant.disposalDate()).isEqualTo(LocalDate.parse("2026-08-14"));
        assertThat(entrant.ageAtDisposal()).isEqualTo(15);
    }
}
