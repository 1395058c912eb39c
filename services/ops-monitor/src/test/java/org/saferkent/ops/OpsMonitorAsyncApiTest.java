package org.saferkent.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.saferkent.contracts.AsyncApiDocument;
import org.saferkent.contracts.ServiceWiring;
import org.saferkent.platform.events.Topics;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ops-monitor's entries in contracts/asyncapi.yaml: it reads every type on ops.events (its
 * subscription has a catch-all handler, so it names none) and every dead-letter topic.
 */
class OpsMonitorAsyncApiTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.read();

    @Test
    void receivesEveryOpsEventThroughItsCatchAllSubscription() {
        // the routing table only names its handler: no picture (nor store) is needed to read it
        Map<String, Set<String>> subscribed = ServiceWiring.subscriptions(OpsMonitorConfiguration.class, "ops-monitor.yml");
        Map<String, Set<String>> received = DOC.messagesOf("ops-monitor", "receive");

        assertThat(subscribed).isEqualTo(Map.of(Topics.OPS_EVENTS, Set.of()));
        assertThat(received.get(Topics.OPS_EVENTS))
                .isEqualTo(new TreeSet<>(DOC.channelMessages("opsEvents").values()));
    }

    @Test
    void watchesEveryDeadLetterTopicTheDocumentDescribes() {
        Pattern watched = Pattern.compile(new Binder(ConfigurationPropertySources.from(opsMonitorYml()))
                .bind("saferkent.ops", OpsProperties.class).get().deadLetterPattern());

        assertThat(DOC.messagesOf("ops-monitor", "receive")).containsEntry("{topic}.{group}.dlq", Set.of("deadLetter"));
        assertThat(watched.matcher(Topics.deadLetterTopic("referrals.referral.events", "victims")).matches()).isTrue();
        assertThat(watched.matcher("referrals.referral.events").matches()).isFalse();
    }

    private static List<PropertySource<?>> opsMonitorYml() {
        try {
            return new YamlPropertySourceLoader().load("ops-monitor.yml", new ClassPathResource("ops-monitor.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
