package org.saferkent.platform.messaging.ops;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** An instance of a service is up and ready (Spring's ApplicationReadyEvent). Key and subject: the service name. */
@EventType("ops.ServiceStarted.v1")
public record ServiceStarted(String service, String instance, Instant startedAt) {
}
