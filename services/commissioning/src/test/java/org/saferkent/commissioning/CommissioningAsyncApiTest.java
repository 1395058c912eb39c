package org.saferkent.commissioning;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.saferkent.contracts.AsyncApiDocument;
import org.saferkent.contracts.ServiceWiring;

import static org.assertj.core.api.Assertions.assertThat;

/** Commissioning's entries in contracts/asyncapi.yaml are what its code publishes and subscribes to. */
class CommissioningAsyncApiTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.read();

    @Test
    void sendsExactlyTheEventTypesItDeclaresAndItsFeed() {
        Map<String, Set<String>> sends = DOC.messagesOf("commissioning", "send");
        Set<String> declared = new TreeSet<>(ServiceWiring.eventTypesUnder("org.saferkent.commissioning"));
        // written by the feed publisher, not through the outbox
        declared.add("commissioning.PerformanceSnapshot.v1");
        declared.add("commissioning.PublishedPerformance.v1");

        assertThat(sends).containsOnlyKeys("commissioning.contract.events", "commissioning.feed", "commissioning.pcc-feed");
        assertThat(sends.get("commissioning.feed")).containsExactly("commissioning.PerformanceSnapshot.v1");
        assertThat(sends.get("commissioning.pcc-feed")).containsExactly("commissioning.PublishedPerformance.v1");
        Set<String> documented = new TreeSet<>();
        sends.values().forEach(documented::addAll);
        assertThat(documented).isEqualTo(declared);
    }

    @Test
    void receivesExactlyWhatItSubscribesTo() {
        assertThat(ServiceWiring.subscriptions(CommissioningConfiguration.class, "commissioning.yml"))
                .isEqualTo(DOC.messagesOf("commissioning", "receive"));
    }
}
