package org.saferkent.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param group          the consumer group; defaults to the service name
 * @param retryAttempts  retries of a transiently failing record before it is dead-lettered
 * @param retryInitial   first retry delay; doubles each attempt
 * @param retryMax       longest retry delay
 * @param outageRetryMax longest delay between tries of a record held up by an outage (store or broker
 *                       unreachable or timing out): such a record is retried without limit, never dead-lettered
 */
@ConfigurationProperties("saferkent.messaging")
public record MessagingProperties(
        String group,
        @DefaultValue("4") int retryAttempts,
        @DefaultValue("200ms") Duration retryInitial,
        @DefaultValue("5s") Duration retryMax,
        @DefaultValue("15s") Duration outageRetryMax) {
}
