package org.saferkent.platform.events;

import java.util.Arrays;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares topics before a service writes or reads them, with the configured shape, so that no topic
 * is created implicitly with the broker's defaults. The events topics are the system of record that
 * every rebuild and every new consumer reads from the start, and a dead letter waits until someone
 * replays it: both are kept for good ({@code retention.ms=-1}); a broker's default of seven days would
 * make a rebuild silently republish lower figures after a week. Only {@link #OPS_EVENTS}, an
 * operational stream, keeps the broker's retention. Declaring an existing topic is harmless and
 * changes nothing (its configuration is set where it was created: here, or by compose's kafka-init).
 */
public class Topics {

    /** Where every service reports operational facts (dead letters, SLA breaches, ...). No personal data. */
    public static final String OPS_EVENTS = "ops.events";

    private final KafkaAdmin admin;
    private final EventsProperties shape;

    public Topics(KafkaAdmin admin, EventsProperties shape) {
        this.admin = admin;
        this.shape = shape;
    }

    public void declare(String... topics) {
        admin.createOrModifyTopics(Arrays.stream(topics).map(this::newTopic).toArray(NewTopic[]::new));
    }

    NewTopic newTopic(String name) {
        return new NewTopic(name, shape.partitions(), shape.replicationFactor()).configs(configs(name, shape));
    }

    /** The configuration a topic of this name is created with. */
    public static Map<String, String> configs(String name, EventsProperties shape) {
        String minInsync = Integer.toString(shape.minInsyncReplicas());
        if (OPS_EVENTS.equals(name)) {
            return Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync);
        }
        return Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync,
                TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1");
    }

    /** {@code <topic>.<group>.dlq}: one dead-letter topic per source topic and consumer group. */
    public static String deadLetterTopic(String topic, String group) {
        return topic + "." + group + ".dlq";
    }
}
