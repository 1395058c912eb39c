package org.saferkent.platform.messaging.ops;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * A circuit breaker (Resilience4j) changed state, e.g. {@code CLOSED} to {@code OPEN} when calls to a
 * dependency kept failing. Key and subject: {@code <service>/<circuit>}.
 *
 * @param circuit     the breaker's name, e.g. {@code referrals-subject}
 * @param failureRate the failure rate (percent) when it changed, or null when too few calls were seen
 */
@EventType("ops.CircuitStateChanged.v1")
public record CircuitStateChanged(String service, String instance, String circuit, String fromState, String toState,
        Float failureRate, Instant changedAt) {
}
