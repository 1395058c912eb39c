package org.saferkent.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.saferkent.contracts.AsyncApiDocument;
import org.saferkent.contracts.ServiceWiring;

/** The partnership's entries in contracts/asyncapi.yaml are what its code publishes and subscribes to. */
class PartnershipAsyncApiTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.read();

    @Test
    void sendsExactlyTheEventTypesItDeclares() {
        Map<String, Set<String>> sends = DOC.messagesOf("partnership", "send");
        Set<String> documented = new TreeSet<>();
        sends.values().forEach(documented::addAll);

        assertThat(sends).containsOnlyKeys("partnership.dhr.events", "partnership.asb-review.events",
                "partnership.agreement.events");
        assertThat(documented).isEqualTo(ServiceWiring.eventTypesUnder("org.saferkent.partnership"));
    }

    @Test
    void receivesExactlyWhatItSubscribesTo() {
        Map<String, Set<String>> subscribed = new java.util.TreeMap<>(ServiceWiring.subscriptions(PartnershipConfiguration.class,
                "partnership.yml"));
        java.util.stream.Stream.of(org.saferkent.partnership.framework.FrameworkConfiguration.class,
                org.saferkent.partnership.panel.PanelConfiguration.class)
                .flatMap(configuration -> ServiceWiring.subscriptions(configuration, "partnership.yml").entrySet().stream())
                .forEach(entry -> subscribed.merge(entry.getKey(), entry.getValue(), (a, b) -> {
                    Set<String> both = new TreeSet<>(a);
                    both.addAll(b);
                    return both;
                }));
        assertThat(subscribed).isEqualTo(DOC.messagesOf("partnership", "receive"));
    }
}
