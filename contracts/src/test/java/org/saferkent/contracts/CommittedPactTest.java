package org.saferkent.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The consumer half of the gate: a consumer pact test whose pact is not the committed one fails its
 * build, naming the file to commit; with {@code -Dcontracts.update-pacts=true} it writes the committed
 * pact, which then passes.
 */
class CommittedPactTest {

    @TempDir
    Path committed;

    /** A consumer's pact test, run by the tests below (not by Surefire: no Test suffix, nested). */
    @ConsumerPactTest
    @PactTestFor(providerName = "gate-sample-provider", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
    static class SampleConsumerPact {

        @Pact(consumer = "gate-sample-consumer")
        MessagePact thingHappened(MessagePactBuilder builder) {
            return builder.expectsToReceive("sample.ThingHappened.v1")
                    .withMetadata(CloudEventExpectations.cloudEvent("sample.ThingHappened.v1", "/saferkent/sample"))
                    .withContent(newJsonBody(body -> body.stringType("thingId", "t-1")).build())
                    .toPact();
        }

        @Test
        @PactTestFor(pactMethod = "thingHappened")
        void readsTheThing(List<Message> messages) {
            assertThat(PactMessages.envelope(messages.get(0)).type()).isEqualTo("sample.ThingHappened.v1");
        }
    }

    private Path committedPact() {
        return committed.resolve("gate-sample-consumer-gate-sample-provider.json");
    }

    @BeforeEach
    void pointAtATemporaryCommittedFolder() {
        System.setProperty("contracts.pacts-dir", committed.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("contracts.pacts-dir");
        System.clearProperty(CommittedPact.UPDATE);
    }

    private static TestExecutionSummary runConsumerTests() {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SampleConsumerPact.class)).build(), listener);
        return listener.getSummary();
    }

    @Test
    void aPactThatIsNotCommittedFailsTheConsumersBuild() {
        TestExecutionSummary summary = runConsumerTests();

        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException())
                .hasMessageContaining("gate-sample-consumer expects of gate-sample-provider has changed")
                .hasMessageContaining("-Dcontracts.update-pacts=true");
        assertThat(committedPact()).doesNotExist();
    }

    @Test
    void updatingWritesTheCommittedPactWhichThenPasses() {
        System.setProperty(CommittedPact.UPDATE, "true");
        assertThat(runConsumerTests().getTotalFailureCount()).isZero();
        assertThat(committedPact()).exists();

        System.clearProperty(CommittedPact.UPDATE);
        assertThat(runConsumerTests().getTotalFailureCount()).isZero();
    }

    @Test
    void aCommittedPactThatNoLongerStatesWhatTheConsumerNeedsFails() throws IOException {
        System.setProperty(CommittedPact.UPDATE, "true");
        runConsumerTests();
        System.clearProperty(CommittedPact.UPDATE);
        Files.writeString(committedPact(), Files.readString(committedPact()).replace("thingId", "thingRef"));

        TestExecutionSummary summary = runConsumerTests();

        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("has changed");
    }
}
