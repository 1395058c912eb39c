package org.saferkent.victims;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.saferkent.contracts.AsyncApiDocument;
import org.saferkent.contracts.ServiceWiring;

import static org.assertj.core.api.Assertions.assertThat;

/** Victims' entries in contracts/asyncapi.yaml are what its code publishes and subscribes to. */
class VictimsAsyncApiTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.read();

    @Test
    void sendsExactlyTheEventTypesItDeclares() {
        Map<String, Set<String>> sends = DOC.messagesOf("victims", "send");

        assertThat(sends).containsOnlyKeys("victims.case.events");
        assertThat(sends.get("victims.case.events")).isEqualTo(ServiceWiring.eventTypesUnder("org.saferkent.victims"));
    }

    @Test
    void receivesExactlyWhatItSubscribesTo() {
        assertThat(ServiceWiring.subscriptions(VictimsConfiguration.class, "victims.yml"))
                .isEqualTo(DOC.messagesOf("victims", "receive"));
    }
}
