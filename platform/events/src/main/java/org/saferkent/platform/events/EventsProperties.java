package org.saferkent.platform.events;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The shape of every topic a service declares (its own event topics, the topics it consumes, their
 * dead-letter topics, ops.events). One machine: 1 replica, 1 in sync; a cluster: 3 replicas, 2 in sync.
 * A shape that cannot work stops start-up naming the setting: single-value bounds are Bean Validation
 * constraints, the rule relating two settings is checked here.
 *
 * @param partitions        partitions per topic; more partitions allow more working instances per group
 * @param replicationFactor replicas of each partition
 * @param minInsyncReplicas replicas that must have a record before the broker acknowledges it ({@code acks=all})
 */
@Validated
@ConfigurationProperties("saferkent.kafka")
public record EventsProperties(@DefaultValue("3") @Positive int partitions, @DefaultValue("1") @Positive short replicationFactor,
        @DefaultValue("1") @Positive int minInsyncReplicas) {

    public EventsProperties {
        // below 1, the constraints above name the setting
        if (replicationFactor >= 1 && minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("saferkent.kafka.min-insync-replicas must be between 1 and the replication factor ("
                    + replicationFactor + "), was " + minInsyncReplicas);
        }
    }
}
