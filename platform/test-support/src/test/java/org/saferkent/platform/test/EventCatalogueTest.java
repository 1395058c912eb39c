package org.saferkent.platform.test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue check holds a record to the topic its schema names, as well as to its headers and payload. */
class EventCatalogueTest {

    private static final String ERASURE_ID = "e1a5e0c4-6b2d-4f7a-8e9c-0d1f2a3b4c5d";
    private static final String PAYLOAD = """
            {"erasureId":"%s","subjectPseudonym":"%s","formerPseudonyms":[],"erasedAt":"2026-11-20T09:30:12.345Z"}"""
            .formatted(ERASURE_ID, "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8");

    private static ConsumerRecord<String, byte[]> erasureOn(String topic) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 0L, ERASURE_ID, PAYLOAD.getBytes(StandardCharsets.UTF_8));
        Map.of("ce_id", "8f0c1d3e-2b4a-4c5d-9e6f-7a8b9c0d1e2f", "ce_type", "referrals.SubjectErased.v1",
                "ce_source", "/saferkent/referrals", "ce_specversion", "1.0", "ce_time", "2026-11-20T09:30:12.345Z",
                "ce_subject", ERASURE_ID, "ce_correlationid", "c-1",
                "ce_traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    @Test
    void anErasureOnTheSubjectTopicConforms() {
        assertThat(EventCatalogue.violations(erasureOn("referrals.subject.events"))).isEmpty();
    }

    @Test
    void anErasureOnAnotherTopicIsNamedAsMisplaced() {
        assertThat(EventCatalogue.violations(erasureOn("referrals.referral.events"))).containsExactly(
                "referrals.SubjectErased.v1: published on referrals.referral.events, the catalogue puts it on referrals.subject.events");
    }
}
