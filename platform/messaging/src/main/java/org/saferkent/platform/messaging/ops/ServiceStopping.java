package org.saferkent.platform.messaging.ops;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** An instance of a service is shutting down (Spring's ContextClosedEvent). Key and subject: the service name. */
@EventType("ops.ServiceStopping.v1")
public record ServiceStopping(String service, String instance, Instant stoppingAt, long uptimeSeconds) {
}
