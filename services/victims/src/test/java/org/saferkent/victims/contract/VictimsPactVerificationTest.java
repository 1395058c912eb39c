package org.saferkent.victims.contract;

import java.util.List;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Victims keeps every consumer's pact (contracts/pacts/*-victims.json): referrals, restorative
 * justice and commissioning. Messages come from a real victim case ({@link VictimMessages}) through the
 * outbox's serialisation and CloudEvents headers.
 */
@Provider("victims")
@PactFolder("../../contracts/pacts")
class VictimsPactVerificationTest {

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void keepsTheConsumersPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of("org.saferkent.victims.contract")));
    }

    @PactVerifyProvider("victims.VictimCaseOpened.v1")
    MessageAndMetadata victimCaseOpened() {
        return VictimMessages.victimCaseOpened();
    }

    @PactVerifyProvider("victims.VictimContacted.v1")
    MessageAndMetadata victimContacted() {
        return VictimMessages.victimContacted();
    }

    @PactVerifyProvider("victims.VictimCodeDeadlineMissed.v1")
    MessageAndMetadata victimCodeDeadlineMissed() {
        return VictimMessages.victimCodeDeadlineMissed();
    }

    @PactVerifyProvider("victims.VictimCodeDeadlineBreachWithdrawn.v1")
    MessageAndMetadata victimCodeDeadlineBreachWithdrawn() {
        return VictimMessages.victimCodeDeadlineBreachWithdrawn();
    }

    @PactVerifyProvider("victims.VictimOutcomeRecorded.v1")
    MessageAndMetadata victimOutcomeRecorded() {
        return VictimMessages.victimOutcomeRecorded();
    }

    @PactVerifyProvider("victims.VictimOptedIntoRestorativeJustice.v1")
    MessageAndMetadata victimOptedIntoRestorativeJustice() {
        return VictimMessages.victimOptedIntoRestorativeJustice();
    }

    @PactVerifyProvider("victims.VictimNeedsAssessed.v1")
    MessageAndMetadata victimNeedsAssessed() {
        return VictimMessages.victimNeedsAssessed();
    }

    @PactVerifyProvider("victims.VictimSupportPlanAgreed.v1")
    MessageAndMetadata victimSupportPlanAgreed() {
        return VictimMessages.victimSupportPlanAgreed();
    }

    @PactVerifyProvider("victims.VictimCaseClosed.v1")
    MessageAndMetadata victimCaseClosed() {
        return VictimMessages.victimCaseClosed();
    }
}
