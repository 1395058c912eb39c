package org.saferkent.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.saferkent.contracts.AsyncApiDocument;
import org.saferkent.contracts.ServiceWiring;
import org.saferkent.partnership.assessment.AssessmentConfiguration;
import org.saferkent.partnership.framework.FrameworkConfiguration;
import org.saferkent.partnership.panel.PanelConfiguration;

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
        Map<String, Set<String>> subscribed = new TreeMap<>();
        for (Class<?> configuration : List.of(PartnershipConfiguration.class, AssessmentConfiguration.class,
                FrameworkConfiguration.class, PanelConfiguration.class)) {
            ServiceWiring.subscriptions(configuration, "partnership.yml")
                    .forEach((topic, types) -> subscribed.computeIfAbsent(topic, t -> new TreeSet<>()).addAll(types));
        }
        assertThat(subscribed).isEqualTo(DOC.messagesOf("partnership", "receive"));
    }
}
