package org.saferkent.referrals;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.test.TopicRecords;

import tools.jackson.databind.json.JsonMapper;

/** Case events as the victims and restorative justice services publish them, for the referrals service to hear. */
final class CaseEvents {

    static final String VICTIMS_TOPIC = "victims.case.events";
    static final String RJ_TOPIC = "rj.case.events";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CaseEvents() {
    }

    /** A CloudEvents record keyed by its case; send it with {@link TopicRecords#send} (as often as wanted). */
    static ProducerRecord<String, byte[]> record(String topic, String type, String caseId, Map<String, ?> payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, caseId, JSON.writeValueAsBytes(payload));
        String source = topic.startsWith("rj.") ? "/saferkent/rj" : "/saferkent/victims";
        CloudEventHeaders.write(new EventMetadata(UUID.randomUUID().toString(), type, source, caseId, Instant.now(),
                "it-" + UUID.randomUUID(), null, 1, null), record.headers());
        return record;
    }

    static void send(String topic, String type, String caseId, Map<String, ?> payload) {
        TopicRecords.send(record(topic, type, caseId, payload));
    }
}
