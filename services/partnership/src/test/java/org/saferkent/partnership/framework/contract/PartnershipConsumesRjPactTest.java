package org.saferkent.partnership.framework.contract;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.CloudEventExpectations.DATE;
import static org.saferkent.contracts.CloudEventExpectations.INSTANT;
import static org.saferkent.contracts.CloudEventExpectations.PSEUDONYM;
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
import org.saferkent.partnership.framework.adapter.in.messaging.FirstTimeEntry;
import org.saferkent.partnership.framework.adapter.in.messaging.RjClosure;
import org.saferkent.partnership.framework.adapter.in.messaging.RjOutcome;
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

    @Pact(consumer = "partnership")
    MessagePact rjOutcomeRecorded(MessagePactBuilder builder) {
        return builder.expectsToReceive("rj.RjOutcomeRecorded.v1")
                .withMetadata(cloudEvent("rj.RjOutcomeRecorded.v1", "/saferkent/restorative-justice", "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("district", "gravesham");
                    body.booleanType("victimSatisfied", true);
                    body.stringMatcher("recordedAt", INSTANT, "2026-12-11T09:00:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "partnership")
    MessagePact firstTimeEntrantRecorded(MessagePactBuilder builder) {
        return builder.expectsToReceive("rj.FirstTimeEntrantRecorded.v1")
                .withMetadata(cloudEvent("rj.FirstTimeEntrantRecorded.v1", "/saferkent/restorative-justice", PSEUDONYM,
                        "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"))
                .withContent(newJsonBody(body -> {
                    body.stringType("disposalId", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
                    body.stringType("district", "gravesham");
                    body.stringMatcher("disposalDate", DATE, "2026-08-14");
                    // null when no earlier entry is superseded (the provider's sample)
                    body.nullValue("supersedesDisposalId");
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "rjOutcomeRecorded")
    void anOutcomeSaysWhetherTheVictimWasSatisfied(List<Message> messages) {
        RjOutcome outcome = PactReading.read(messages.get(0), "rj.RjOutcomeRecorded.v1", RjOutcome.class);

        assertThat(outcome.victimSatisfied()).isTrue();
        assertThat(outcome.district()).isEqualTo("gravesham");
    }

    @Test
    @PactTestFor(pactMethod = "firstTimeEntrantRecorded")
    void aFirstTimeEntryNamesItsDisposalDistrictAndDateOnly(List<Message> messages) {
        FirstTimeEntry entry = PactReading.read(messages.get(0), "rj.FirstTimeEntrantRecorded.v1", FirstTimeEntry.class);

        assertThat(entry.disposalDate()).isEqualTo(java.time.LocalDate.of(2026, 8, 14));
        assertThat(entry.district()).isEqualTo("gravesham");
        assertThat(entry.supersedesDisposalId()).isNull();
    }

    @Test
    @PactTestFor(pactMethod = "rjCaseClosed")
    void aClosureSaysWhetherTheCaseWasCompleted(List<Message> messages) {
        RjClosure closure = PactReading.read(messages.get(0), "rj.RjCaseClosed.v1", RjClosure.class);

        assertThat(closure.closeReason()).isEqualTo("completed");
    }
}
