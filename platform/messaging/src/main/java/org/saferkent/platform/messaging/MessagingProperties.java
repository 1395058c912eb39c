package org.saferkent.platform.messaging;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param group          overrides the services' consumer group: their bindings say
 *                       {@code group: ${saferkent.messaging.group:<service>}} (each binding's own
 *                       {@code spring.cloud.stream.bindings.<consumer>-in-0.group} is what counts)
 * @param retryAttempts  retries of a transiently failing record before it is dead-lettered
 * @param retryInitial   first retry delay; doubles each attempt
 * @param retryMax       longest retry delay
 * @param outageRetryMax longest delay between tries of a record held up by an outage (store or broker
 *                       unreachable or timing out): such a record is retried without limit, never dead-lettered
 */
@Validated
@ConfigurationProperties("saferkent.messaging")
public record MessagingProperties(
        String group,
        @DefaultValue("4") @PositiveOrZero int retryAttempts,
        @DefaultValue("200ms") @NotNull @DurationMin(millis = 1) Duration retryInitial,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration retryMax,
        @DefaultValue("15s") @NotNull @DurationMin(millis = 1) Duration outageRetryMax) {
}
