package org.saferkent.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes as {@code ce_}-prefixed
 * UTF-8 headers, the data content type as {@code content-type}, the payload as the record value.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPECVERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CAUSATION_ID = "ce_causationid";
    public static final String AGGREGATE_VERSION = "ce_aggregateversion";
    public static final String TRACEPARENT = "ce_traceparent";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    public static void write(EventMetadata event, Headers headers) {
        put(headers, ID, event.id());
        put(headers, SOURCE, event.source());
        put(headers, SPECVERSION, SPEC_VERSION);
        put(headers, TYPE, event.type());
        put(headers, TIME, event.time().toString());
        put(headers, SUBJECT, event.subject());
        put(headers, CORRELATION_ID, event.correlationId());
        put(headers, CAUSATION_ID, event.causationId());
        put(headers, AGGREGATE_VERSION, Long.toString(event.aggregateVersion()));
        put(headers, TRACEPARENT, event.traceparent());
        put(headers, CONTENT_TYPE, JSON);
    }

    /**
     * Reads the envelope of a record.
     *
     * @throws InvalidEventException when a required attribute is missing or malformed
     */
    public static EventMetadata read(Headers headers) {
        String specVersion = required(headers, SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException("header " + SPECVERSION + " must be " + SPEC_VERSION);
        }
        return new EventMetadata(
                required(headers, ID),
                required(headers, TYPE),
                required(headers, SOURCE),
                get(headers, SUBJECT),
                time(headers),
                get(headers, CORRELATION_ID),
                get(headers, CAUSATION_ID),
                aggregateVersion(headers),
                get(headers, TRACEPARENT));
    }

    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = get(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing header " + name);
        }
        return value;
    }

    private static Instant time(Headers headers) {
        String value = get(headers, TIME);
        if (value == null) {
            throw new InvalidEventException("missing header " + TIME);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("header " + TIME + " is not an RFC 3339 timestamp");
        }
    }

    private static long aggregateVersion(Headers headers) {
        String value = get(headers, AGGREGATE_VERSION);
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidEventException("header " + AGGREGATE_VERSION + " is not a number");
        }
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
