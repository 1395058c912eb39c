package org.saferkent.commissioning.contract.pact;

import java.time.Instant;
import java.util.List;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;
import org.junit.jupiter.api.Test;
import org.saferkent.contracts.ConsumerPactTest;
import org.saferkent.commissioning.activity.adapter.in.messaging.MissedDeadline;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimCaseOpening;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimClosure;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimContact;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimNeedsAssessment;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimSupportPlan;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimOutcome;
import org.saferkent.commissioning.activity.adapter.in.messaging.WithdrawnBreach;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.CloudEventExpectations.INSTANT;
import static org.saferkent.contracts.CloudEventExpectations.cloudEvent;

/** What commissioning counts from victim cases (contracts/pacts/commissioning-victims.json). */
@ConsumerPactTest
@PactTestFor(providerName = "victims", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class CommissioningConsumesVictimsPactTest {

    private static final String CASE_ID = "c1d2e3f4-3333-4444-8555-b66677778888";
    private static final String SOURCE = "/saferkent/victims";

    @Pact(consumer = "commissioning")
    MessagePact victimCaseOpened(MessagePactBuilder builder) {
        return builder.expectsToReceive("victims.VictimCaseOpened.v1")
                .withMetadata(cloudEvent("victims.VictimCaseOpened.v1", SOURCE, "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("referralId", "a3b2c1d0-1111-4222-8333-944455556666");
                    body.stringType("district", "thanet");
                    body.stringType("pathway", "victim-support");
                    body.stringMatcher("openedAt", INSTANT, "2026-11-20T09:31:00Z");
                    body.booleanType("enhanced", true);
                    body.stringMatcher("firstContactDueAt", INSTANT, "2026-11-23T17:00:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "commissioning")
    MessagePact victimContacted(MessagePactBuilder builder) {
        return builder.expectsToReceive("victims.VictimContacted.v1")
                .withMetadata(cloudEvent("victims.VictimContacted.v1", SOURCE, "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("district", "thanet");
                    body.booleanType("firstContact", true);
                    body.booleanType("withinTimeLimit", true);
                    body.stringMatcher("attemptedAt", INSTANT, "2026-11-21T10:00:00Z");
                    body.stringMatcher("recordedAt", INSTANT, "2026-11-21T10:05:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "commissioning")
    MessagePact victimCodeDeadlineMissed(MessagePactBuilder builder) {
        return builder.expectsToReceive("victims.VictimCodeDeadlineMissed.v1")
                .withMetadata(cloudEvent("victims.VictimCodeDeadlineMissed.v1", SOURCE, "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("district", "thanet");
                    body.stringMatcher("duty", "^(first-contact|restorative-justice-information)$", "first-contact");
                    body.stringMatcher("dueAt", INSTANT, "2026-11-23T17:00:00Z");
                    body.stringMatcher("missedAt", INSTANT, "2026-11-23T17:00:01Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "commissioning")
    MessagePact victimCodeDeadlineBreachWithdrawn(MessagePactBuilder builder) {
        return builder.expectsToReceive("victims.VictimCodeDeadlineBreachWithdrawn.v1")
                .withMetadata(cloudEvent("victims.VictimCodeDeadlineBreachWithdrawn.v1", SOURCE, "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("district", "thanet");
                    body.stringMatcher("duty", "^(first-contact|restorative-justice-information)$", "first-contact");
                    body.stringMatcher("dueAt", INSTANT, "2026-11-23T17:00:00Z");
                    body.stringMatcher("metAt", INSTANT, "2026-11-23T15:00:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "commissioning")
    MessagePact victimOutcomeRecorded(MessagePactBuilder builder) {
        return builder.expectsToReceive("victims.VictimOutcomeRecorded.v1")
                .withMetadata(cloudEvent("victims.VictimOutcomeRecorded.v1", SOURCE, "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("district", "thanet");
                    body.object("needs", needs -> needs.eachKeyLike("housing",
                            PactDslJsonRootValue.stringMatcher("^(improved|sustained|not-improved)$", "improved")));
                    body.booleanType("copeAndRecover", true);
                    body.stringMatcher("recordedAt", INSTANT, "2026-12-01T12:00:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "commissioning")
    MessagePact victimNeedsAssessed(MessagePactBuilder builder) {
        return builder.expectsToReceive("victims.VictimNeedsAssessed.v1")
                .withMetadata(cloudEvent("victims.VictimNeedsAssessed.v1", SOURCE, "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("district", "thanet");
                    body.stringMatcher("assessedAt", INSTANT, "2026-11-22T11:00:00Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "commissioning")
    MessagePact victimSupportPlanAgreed(MessagePactBuilder builder) {
        return builder.expectsToReceive("victims.VictimSupportPlanAgreed.v1")
                .withMetadata(cloudEvent("victims.VictimSupportPlanAgreed.v1", SOURCE, "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("district", "thanet");
                    body.stringMatcher("agreedAt", INSTANT, "2026-11-23T11:00:00Z");
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "victimNeedsAssessed")
    void anAssessmentSaysWhen(List<Message> messages) {
        VictimNeedsAssessment assessed = CommissioningRoutes.read(messages.get(0), VictimNeedsAssessment.class);

        assertThat(assessed.caseId()).isEqualTo(CASE_ID);
        assertThat(assessed.assessedAt()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
    }

    @Test
    @PactTestFor(pactMethod = "victimSupportPlanAgreed")
    void aSupportPlanSaysWhen(List<Message> messages) {
        VictimSupportPlan plan = CommissioningRoutes.read(messages.get(0), VictimSupportPlan.class);

        assertThat(plan.caseId()).isEqualTo(CASE_ID);
        assertThat(plan.agreedAt()).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
    }

    @Pact(consumer = "commissioning")
    MessagePact victimCaseClosed(MessagePactBuilder builder) {
        return builder.expectsToReceive("victims.VictimCaseClosed.v1")
                .withMetadata(cloudEvent("victims.VictimCaseClosed.v1", SOURCE, "^.+$", CASE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("caseId", CASE_ID);
                    body.stringType("district", "thanet");
                    body.stringMatcher("reason", "^(completed|declined-support|unable-to-contact|moved-away|other)$", "declined-support");
                    body.stringMatcher("closedAt", INSTANT, "2026-12-20T16:00:00Z");
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "victimCaseClosed")
    void aClosureSaysWhyAndWhen(List<Message> messages) {
        VictimClosure closed = CommissioningRoutes.read(messages.get(0), VictimClosure.class);

        assertThat(closed.caseId()).isEqualTo(CASE_ID);
        assertThat(closed.reason()).isEqualTo("declined-support");
        assertThat(closed.closedAt()).isEqualTo(Instant.parse("2026-12-20T16:00:00Z"));
    }

    @Test
    @PactTestFor(pactMethod = "victimCaseOpened")
    void anOpenedCaseCountsAsSupportedWithItsDeadline(List<Message> messages) {
        VictimCaseOpening opened = CommissioningRoutes.read(messages.get(0), VictimCaseOpening.class);

        assertThat(opened.caseId()).isEqualTo(CASE_ID);
        assertThat(opened.district()).isEqualTo("thanet");
        assertThat(opened.pathway()).isEqualTo("victim-support");
        assertThat(opened.enhanced()).isTrue();
        assertThat(opened.firstContactDueAt()).isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
    }

    @Test
    @PactTestFor(pactMethod = "victimContacted")
    void theFirstContactSaysWhetherItWasInTime(List<Message> messages) {
        VictimContact contact = CommissioningRoutes.read(messages.get(0), VictimContact.class);

        assertThat(contact.firstContact()).isTrue();
        assertThat(contact.withinTimeLimit()).isTrue();
        assertThat(contact.attemptedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    }

    @Test
    @PactTestFor(pactMethod = "victimCodeDeadlineMissed")
    void aMissedDeadlineNamesTheDuty(List<Message> messages) {
        MissedDeadline missed = CommissioningRoutes.read(messages.get(0), MissedDeadline.class);

        assertThat(missed.duty()).isEqualTo("first-contact");
        assertThat(missed.dueAt()).isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
    }

    @Test
    @PactTestFor(pactMethod = "victimCodeDeadlineBreachWithdrawn")
    void aWithdrawnBreachNamesTheDutyMetInTime(List<Message> messages) {
        WithdrawnBreach withdrawn = CommissioningRoutes.read(messages.get(0), WithdrawnBreach.class);

        assertThat(withdrawn.duty()).isEqualTo("first-contact");
        assertThat(withdrawn.metAt()).isBefore(withdrawn.dueAt());
    }

    @Test
    @PactTestFor(pactMethod = "victimOutcomeRecorded")
    void anOutcomeGivesEachNeedAndCopeAndRecover(List<Message> messages) {
        VictimOutcome outcome = CommissioningRoutes.read(messages.get(0), VictimOutcome.class);

        assertThat(outcome.needs()).containsEntry("housing", "improved");
        assertThat(outcome.copeAndRecover()).isTrue();
    }
}
