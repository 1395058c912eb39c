package org.saferkent.platform.messaging.contract;

import java.util.List;
import java.util.Map;

import au.com.dius.pact.provider.MessageAndMetadata;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.messaging.DeadLetterHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.PactGate.mismatchesByConsumer;
import static org.saferkent.contracts.PactGate.withBody;
import static org.saferkent.contracts.PactGate.withHeaders;

/**
 * The gate on what platform messaging publishes for every service: a dead letter that lost where it
 * came from, or an ops event that renamed the service it is about, fails ops-monitor's pact.
 */
class PlatformOpsPactGateTest {

    private static final String DEAD_LETTER = "a dead letter on <topic>.<group>.dlq";

    @Test
    void theRealDeadLetterAndOpsEventKeepOpsMonitorsPact() {
        assertThat(mismatchesByConsumer("platform-ops", DEAD_LETTER, new PlatformOpsPactVerificationTest().deadLetter()))
                .isEqualTo(Map.of("ops-monitor", List.of()));
        assertThat(mismatchesByConsumer("platform-ops", "ops.SlaBreached.v1", new PlatformOpsPactVerificationTest().slaBreached()))
                .isEqualTo(Map.of("ops-monitor", List.of()));
    }

    @Test
    void aDeadLetterWithoutItsOriginOrReasonFails() {
        MessageAndMetadata real = new PlatformOpsPactVerificationTest().deadLetter();

        assertThat(mismatchesByConsumer("platform-ops", DEAD_LETTER, withHeaders(real, headers -> {
            headers.remove(DeadLetterHeaders.ORIGINAL_TOPIC);
            headers.put("x-dlq-cause", headers.remove(DeadLetterHeaders.REASON));
        })).get("ops-monitor")).anySatisfy(problem -> assertThat(problem).contains(DeadLetterHeaders.ORIGINAL_TOPIC))
                .anySatisfy(problem -> assertThat(problem).contains(DeadLetterHeaders.REASON));
    }

    @Test
    void anOpsEventThatRenamesItsServiceFieldFails() {
        MessageAndMetadata real = new PlatformOpsPactVerificationTest().slaBreached();

        assertThat(mismatchesByConsumer("platform-ops", "ops.SlaBreached.v1",
                withBody(real, body -> body.set("serviceName", body.remove("service")))).get("ops-monitor"))
                .anySatisfy(problem -> assertThat(problem).contains("service"));
    }
}
