package org.saferkent.platform.messaging.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every service reports on {@code ops.events} besides dead letters and breaches.
 *
 * @param lifecycle         report {@link ServiceStarted} and {@link ServiceStopping}
 * @param heartbeatInterval how often a {@link ServiceHeartbeat} with the outbox backlog is sent (rounded up to
 *                          the backlog check interval); zero turns heartbeats off
 * @param circuits          report {@link CircuitStateChanged} for every Resilience4j circuit breaker found
 * @param stoppingTimeout   how long shutdown waits for {@link ServiceStopping} to be acknowledged
 */
@ConfigurationProperties("saferkent.ops-events")
public record OpsEventsProperties(
        @DefaultValue("true") boolean lifecycle,
        @DefaultValue("30s") Duration heartbeatInterval,
        @DefaultValue("true") boolean circuits,
        @DefaultValue("3s") Duration stoppingTimeout) {
}
