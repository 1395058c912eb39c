package org.saferkent.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param deadLetterPattern      topics read as dead-letter topics
 * @param topicDiscoveryInterval how often the consumer looks for new topics matching the pattern
 */
@ConfigurationProperties("saferkent.ops")
public record OpsProperties(@DefaultValue(".*\\.dlq") String deadLetterPattern,
        @DefaultValue("5s") Duration topicDiscoveryInterval) {
}
