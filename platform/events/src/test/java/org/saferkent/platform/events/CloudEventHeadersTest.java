package org.saferkent.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventHeadersTest {

    private static final EventMetadata EVENT = new EventMetadata(
            "7d4e1f0a-0000-4000-8000-000000000001",
            "referrals.ReferralRouted.v1",
            "/saferkent/referrals",
            "referral-42",
            Instant.parse("2026-03-01T09:15:30.123456Z"),
            "correlation-1",
            "cause-1",
            3,
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

    private static Headers written() {
        Headers headers = new RecordHeaders();
        CloudEventHeaders.write(EVENT, headers);
        return headers;
    }

    @Test
    void everyAttributeSurvivesAWriteAndReadRoundTrip() {
        EventMetadata read = CloudEventHeaders.read(written());

        assertThat(read).isEqualTo(EVENT);
    }

    @Test
    void writtenHeadersFollowTheCloudEventsKafkaBinding() {
        Headers headers = written();

        assertThat(CloudEventHeaders.get(headers, "ce_id")).isEqualTo(EVENT.id());
        assertThat(CloudEventHeaders.get(headers, "ce_type")).isEqualTo("referrals.ReferralRouted.v1");
        assertThat(CloudEventHeaders.get(headers, "ce_source")).isEqualTo("/saferkent/referrals");
        assertThat(CloudEventHeaders.get(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(CloudEventHeaders.get(headers, "ce_time")).isEqualTo("2026-03-01T09:15:30.123456Z");
        assertThat(CloudEventHeaders.get(headers, "ce_subject")).isEqualTo("referral-42");
        assertThat(CloudEventHeaders.get(headers, "ce_correlationid")).isEqualTo("correlation-1");
        assertThat(CloudEventHeaders.get(headers, "ce_causationid")).isEqualTo("cause-1");
        assertThat(CloudEventHeaders.get(headers, "ce_aggregateversion")).isEqualTo("3");
        assertThat(CloudEventHeaders.get(headers, "ce_traceparent")).isEqualTo(EVENT.traceparent());
        assertThat(CloudEventHeaders.get(headers, "content-type")).isEqualTo("application/json");
    }

    @Test
    void writingTwiceLeavesOneHeaderPerAttribute() {
        Headers headers = written();
        CloudEventHeaders.write(EVENT, headers);

        assertThat(headers.headers("ce_id")).hasSize(1);
        assertThat(headers.headers("ce_type")).hasSize(1);
    }

    @Test
    void optionalAttributesMayBeAbsent() {
        EventMetadata minimal = new EventMetadata("id-1", "referrals.ReferralReceived.v1", "/saferkent/referrals",
                null, Instant.parse("2026-03-01T09:15:30Z"), null, null, 0, null);
        Headers headers = new RecordHeaders();
        CloudEventHeaders.write(minimal, headers);

        assertThat(CloudEventHeaders.read(headers)).isEqualTo(minimal);
        assertThat(headers.lastHeader("ce_subject")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_id", "ce_type", "ce_source", "ce_time", "ce_specversion"})
    void aMissingRequiredHeaderIsAnInvalidEventNamingTheHeader(String header) {
        Headers headers = written();
        headers.remove(header);

        assertThatThrownBy(() -> CloudEventHeaders.read(headers))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_id", "ce_type", "ce_source"})
    void aBlankRequiredHeaderIsAnInvalidEventNamingTheHeader(String header) {
        Headers headers = written();
        headers.remove(header);
        headers.add(header, "  ".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventHeaders.read(headers))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(header);
    }

    @Test
    void aSpecVersionOtherThanOnePointZeroIsAnInvalidEventNamingTheHeader() {
        Headers headers = written();
        headers.remove("ce_specversion");
        headers.add("ce_specversion", "0.3".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventHeaders.read(headers))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_specversion");
    }

    @Test
    void aTimeThatIsNotRfc3339IsAnInvalidEventNamingTheHeaderButNotTheValue() {
        Headers headers = written();
        headers.remove("ce_time");
        headers.add("ce_time", "Jane Doe".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventHeaders.read(headers))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_time")
                .message().doesNotContain("Jane Doe");
    }

    @Test
    void anAggregateVersionThatIsNotANumberIsAnInvalidEventNamingTheHeader() {
        Headers headers = written();
        headers.remove("ce_aggregateversion");
        headers.add("ce_aggregateversion", "three".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventHeaders.read(headers))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_aggregateversion")
                .message().doesNotContain("three");
    }
}
