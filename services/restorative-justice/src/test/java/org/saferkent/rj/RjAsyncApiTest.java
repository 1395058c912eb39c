package org.saferkent.rj;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.saferkent.contracts.AsyncApiDocument;
import org.saferkent.contracts.ServiceWiring;

import static org.assertj.core.api.Assertions.assertThat;

/** Restorative justice's entries in contracts/asyncapi.yaml are what its code publishes and subscribes to. */
class RjAsyncApiTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.read();

    @Test
    void sendsExactlyTheEventTypesItDeclares() {
        Map<String, Set<String>> sends = DOC.messagesOf("restorative-justice", "send");
        Set<String> documented = new TreeSet<>();
        sends.values().forEach(documented::addAll);

        assertThat(sends).containsOnlyKeys("rj.case.events", "rj.disposal.events");
        assertThat(documented).isEqualTo(ServiceWiring.eventTypesUnder("org.saferkent.rj"));
    }

    @Test
    void receivesExactlyWhatItSubscribesTo() {
        assertThat(ServiceWiring.subscriptions(RestorativeJusticeConfiguration.class, "restorative-justice.yml"))
                .isEqualTo(DOC.messagesOf("restorative-justice", "receive"));
    }
}
