package org.saferkent.platform.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param partitions partitions of every topic a service declares (its own event topics, the topics it
 *                   consumes and their dead-letter topics); more partitions allow more instances
 */
@ConfigurationProperties("saferkent.kafka")
public record EventsProperties(@DefaultValue("3") int partitions) {
}
