package org.saferkent.platform.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shape of every topic a service declares (its own event topics, the topics it consumes, their
 * dead-letter topics, ops.events). One machine: 1 replica, 1 in sync; a cluster: 3 replicas, 2 in sync.
 *
 * @param partitions        partitions per topic; more partitions allow more working instances per group
 * @param replicationFactor replicas of each partition
 * @param minInsyncReplicas replicas that must have a record before the broker acknowledges it ({@code acks=all})
 */
@ConfigurationProperties("saferkent.kafka")
public record EventsProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor,
        @DefaultValue("1") int minInsyncReplicas) {

    public EventsProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("saferkent.kafka.partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("saferkent.kafka.replication-factor must be at least 1, was " + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("saferkent.kafka.min-insync-replicas must be between 1 and the replication factor ("
                    + replicationFactor + "), was " + minInsyncReplicas);
        }
    }
}
