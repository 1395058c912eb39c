package org.saferkent.platform.messaging.ops;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What every service reports on {@code ops.events} besides dead letters and breaches.
 *
 * @param lifecycle         report {@link ServiceStarted} and {@link ServiceStopping}
 * @param heartbeatInterval how often a {@link ServiceHeartbeat} with the outbox backlog is sent (rounded up to
 *                          the backlog check interval); zero turns heartbeats off
 * @param circuits          report {@link CircuitStateChanged} for every Resilience4j circuit breaker found
 * @param stoppingTimeout   how long shutdown waits for {@link ServiceStopping} to be acknowledged
 */
@Validated
@ConfigurationProperties("saferkent.ops-events")
public record OpsEventsProperties(
        @DefaultValue("true") boolean lifecycle,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 0) Duration heartbeatInterval,
        @DefaultValue("true") boolean circuits,
        @DefaultValue("3s") @NotNull @DurationMin(millis = 0) Duration stoppingTimeout) {
}
