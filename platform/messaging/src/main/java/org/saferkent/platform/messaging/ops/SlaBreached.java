package org.saferkent.platform.messaging.ops;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * A statutory or service-level deadline passed without the duty being done (referral clocks,
 * Victims' Code duties). Ids and the clock only: no personal data.
 *
 * @param clock   which duty, e.g. {@code victim-details-to-victim-services}
 * @param subject the aggregate that missed it, e.g. a referral id
 */
@EventType("ops.SlaBreached.v1")
public record SlaBreached(String service, String clock, String aggregateType, String subject, String district,
        Instant dueAt, Instant breachedAt) {
}
