package org.saferkent.platform.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The CloudEvents 1.0 attributes of one event plus SaferKent's extensions. Travels in Kafka headers
 * (binary content mode); the record value is the JSON payload alone.
 *
 * @param id               unique event id ({@code ce_id}); consumers deduplicate on it
 * @param type             wire name ({@code ce_type}), e.g. {@code referrals.ReferralRouted.v1}
 * @param source           producing service as a URI reference ({@code ce_source}), e.g. {@code /saferkent/referrals}
 * @param subject          the aggregate id ({@code ce_subject}); equals the Kafka key
 * @param time             when the fact happened ({@code ce_time})
 * @param correlationId    the id shared by everything one request set in motion
 * @param causationId      the id of the event or request that caused this one
 * @param aggregateVersion the aggregate's version after the change that produced this event
 * @param traceparent      W3C trace context, so one referral can be followed across services
 */
public record EventMetadata(
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String correlationId,
        String causationId,
        long aggregateVersion,
        String traceparent) {

    public EventMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
    }
}
