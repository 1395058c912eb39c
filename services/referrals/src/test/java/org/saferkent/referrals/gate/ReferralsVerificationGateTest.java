package org.saferkent.referrals.gate;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.saferkent.referrals.gate.additive.AddedFieldProvider;
import org.saferkent.referrals.gate.renamed.RenamedDistrictProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The gate end to end: Pact's own JUnit 5 provider verification, run on referrals with a field
 * renamed, fails for each consumer that reads it (and so would fail the build); run with an added
 * optional field, it passes every interaction.
 */
class ReferralsVerificationGateTest {

    private static TestExecutionSummary verify(Class<?> provider) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(provider)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listener);
        return listener.getSummary();
    }

    @Test
    void aRenamedFieldFailsVerificationForEveryConsumerThatReadsIt() {
        TestExecutionSummary summary = verify(RenamedDistrictProvider.class);

        // ReferralRouted is read by victims, restorative-justice, commissioning and partnership; the other nine still pass
        assertThat(summary.getTestsFailedCount()).isEqualTo(4);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(9);
        assertThat(summary.getFailures()).allSatisfy(failure ->
                assertThat(failure.getException()).hasMessageContaining("district"));
    }

    @Test
    void anAddedOptionalFieldPassesEveryInteraction() {
        TestExecutionSummary summary = verify(AddedFieldProvider.class);

        assertThat(summary.getTestsFailedCount()).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(13);
    }
}
