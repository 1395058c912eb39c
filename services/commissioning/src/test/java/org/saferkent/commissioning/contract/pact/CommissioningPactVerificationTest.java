package org.saferkent.commissioning.contract.pact;

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
import org.saferkent.commissioning.performance.application.FeedMessages;

/**
 * Commissioning keeps its consumers' pacts: the PCC office's (contracts/pacts/pcc-office-commissioning.json,
 * {@code commissioning.PublishedPerformance.v1} on {@code commissioning.pcc-feed}) and partnership's
 * (partnership-commissioning.json, the exact {@code commissioning.PerformanceSnapshot.v1} on
 * {@code commissioning.feed}). Each record is the one commissioning's own code computes, stores and publishes,
 * read back from the real broker ({@link FeedMessages}).
 */
@Provider("commissioning")
@PactFolder("../../contracts/pacts")
class CommissioningPactVerificationTest {

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void keepsTheConsumersPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of("org.saferkent.commissioning.contract.pact")));
    }

    @PactVerifyProvider("commissioning.PerformanceSnapshot.v1")
    MessageAndMetadata performanceSnapshot() {
        return FeedMessages.performanceSnapshot();
    }

    @PactVerifyProvider("commissioning.PublishedPerformance.v1")
    MessageAndMetadata publishedPerformance() {
        return FeedMessages.publishedPerformance();
    }
}
