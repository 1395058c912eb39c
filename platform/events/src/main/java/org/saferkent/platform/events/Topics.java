package org.saferkent.platform.events;

import java.util.Arrays;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares topics before a service writes or reads them, with the configured partition count, so
 * that no topic is created implicitly with the broker's default shape. Declaring an existing topic
 * is harmless.
 */
public class Topics {

    /** Where every service reports operational facts (dead letters, SLA breaches, ...). No personal data. */
    public static final String OPS_EVENTS = "ops.events";

    private final KafkaAdmin admin;
    private final int partitions;

    public Topics(KafkaAdmin admin, int partitions) {
        this.admin = admin;
        this.partitions = partitions;
    }

    public void declare(String... topics) {
        admin.createOrModifyTopics(Arrays.stream(topics)
                .map(name -> new NewTopic(name, partitions, (short) 1))
                .toArray(NewTopic[]::new));
    }

    /** {@code <topic>.<group>.dlq}: one dead-letter topic per source topic and consumer group. */
    public static String deadLetterTopic(String topic, String group) {
        return topic + "." + group + ".dlq";
    }
}
