package org.saferkent.platform.messaging.contract;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.saferkent.contracts.AsyncApiDocument;
import org.saferkent.contracts.ServiceWiring;
import org.saferkent.platform.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/** What platform messaging publishes for every service is what contracts/asyncapi.yaml says "platform-ops" sends. */
class PlatformOpsAsyncApiTest {

    @Test
    void sendsEveryOpsEventTypeAndTheDeadLetters() {
        Map<String, Set<String>> sends = AsyncApiDocument.read().messagesOf("platform-ops", "send");

        assertThat(sends).containsOnlyKeys(Topics.OPS_EVENTS, "{topic}.{group}.dlq");
        assertThat(sends.get(Topics.OPS_EVENTS)).isEqualTo(ServiceWiring.eventTypesUnder("org.saferkent.platform.messaging"));
        assertThat(Topics.deadLetterTopic("{topic}", "{group}")).isEqualTo("{topic}.{group}.dlq");
    }
}
