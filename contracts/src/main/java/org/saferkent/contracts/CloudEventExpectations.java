package org.saferkent.contracts;

import java.util.function.Consumer;

import au.com.dius.pact.consumer.dsl.MetadataBuilder;
import org.saferkent.platform.events.CloudEventHeaders;

/**
 * The CloudEvents headers a consumer relies on, stated once for every pact: the exact wire name and
 * spec version, the producing service as source, an id to deduplicate on, the aggregate id as
 * subject, an RFC 3339 time, the chain ids, the trace context and JSON content. Platform messaging
 * refuses a record without the required ones (envelope → dead letter), so every consumer needs them.
 */
public final class CloudEventExpectations {

    /** How an {@code Instant} is written in payloads (ISO-8601, UTC, optional fraction). */
    public static final String INSTANT = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z$";
    /** How a {@code LocalDate} is written. */
    public static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";
    /** A keyed pseudonym (HMAC-SHA256, hex). */
    public static final String PSEUDONYM = "^[0-9a-f]{64}$";

    static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    static final String RFC3339 = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$";
    static final String TRACEPARENT = "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$";

    private CloudEventExpectations() {
    }

    /**
     * @param wireName      the {@code ce_type} the consumer subscribes to
     * @param source        the producing service's {@code ce_source}, e.g. {@code /saferkent/referrals}
     * @param subjectRegex  what the aggregate id ({@code ce_subject}) looks like
     * @param subjectSample an example of it
     */
    public static Consumer<MetadataBuilder> cloudEvent(String wireName, String source, String subjectRegex, String subjectSample) {
        return metadata -> {
            metadata.add(CloudEventHeaders.TYPE, wireName);
            metadata.add(CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPEC_VERSION);
            metadata.add(CloudEventHeaders.SOURCE, source);
            metadata.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            metadata.matchRegex(CloudEventHeaders.ID, UUID, "8f0c1d3e-2b4a-4c5d-9e6f-7a8b9c0d1e2f");
            metadata.matchRegex(CloudEventHeaders.SUBJECT, subjectRegex, subjectSample);
            metadata.matchRegex(CloudEventHeaders.TIME, RFC3339, "2026-11-20T09:30:00Z");
            metadata.matchRegex(CloudEventHeaders.CORRELATION_ID, "^.+$", "1c5e2f3a-4b6d-4e8f-9a0b-1c2d3e4f5a6b");
            metadata.matchRegex(CloudEventHeaders.TRACEPARENT, TRACEPARENT,
                    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        };
    }

    /** Any non-blank subject (ops events are keyed by what they are about). */
    public static Consumer<MetadataBuilder> cloudEvent(String wireName, String source) {
        return cloudEvent(wireName, source, "^.+$", "victims");
    }
}
