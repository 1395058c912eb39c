package org.saferkent.platform.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;

/** {@link MessagingMetrics} as Micrometer counters; the registry is looked up on first use. */
class MicrometerMessagingMetrics implements MessagingMetrics {

    private final ObjectProvider<MeterRegistry> registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    MicrometerMessagingMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void processed(String group, String topic, String type) {
        count("saferkent.messaging.processed", "Events handled by a subscription", "group", group, "topic", topic, "type", type);
    }

    @Override
    public void deadLettered(String group, String topic, String failure) {
        count("saferkent.messaging.dead.letters", "Records set aside on a dead-letter topic", "group", group, "topic", topic,
                "failure", failure);
    }

    private void count(String name, String description, String... tags) {
        MeterRegistry meters = registry.getIfAvailable();
        if (meters == null) {
            return;
        }
        String key = name + "|" + String.join("|", tags);
        counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags).register(meters))
                .increment();
    }
}
