package org.saferkent.ops.stream;

import java.time.Instant;
import java.util.Map;

/**
 * One item of the live stream: an event from {@code ops.events}, or something ops-monitor itself
 * noticed (a dead letter read from its topic, a lag measurement, a change of health), which then has
 * a type {@code ops-monitor.<Kind>} that never travels on Kafka.
 *
 * @param kind    the wire name's event name ({@code DeadLetterRecorded} for {@code ops.DeadLetterRecorded.v1})
 * @param service the service it is about (the payload's {@code service}, else the event's source)
 */
public record StreamEvent(String id, String type, String kind, String service, String source, String subject, Instant time,
        Map<String, Object> data) {

    /** {@code DeadLetterRecorded} for {@code ops.DeadLetterRecorded.v1}; the type itself when it has no such shape. */
    public static String kindOf(String type) {
        if (type == null) {
            return null;
        }
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[1] : type;
    }

    /** {@code referrals} for {@code /saferkent/referrals}. */
    public static String serviceOf(Map<String, Object> data, String source) {
        if (data != null && data.get("service") instanceof String service && !service.isBlank()) {
            return service;
        }
        if (source != null && source.startsWith("/saferkent/")) {
            return source.substring("/saferkent/".length());
        }
        return source;
    }
}
