package org.saferkent.ops.picture;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.messaging.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * ops.events as every instance of ops-monitor sees it: an anonymous binding (no group, so each instance
 * reads every partition from the latest record on) that feeds this instance's live stream and backlog
 * history ({@link OperationalPicture#observe}). The stored picture is written by the grouped binding
 * ({@code opsEventsSubscription}) once per event, whichever instance holds its partition. A record that
 * cannot be read is skipped here: the grouped binding dead-letters it.
 */
public class OpsLiveView implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(OpsLiveView.class);

    private final OperationalPicture picture;
    private final EventJson json;

    public OpsLiveView(OperationalPicture picture, EventJson json) {
        this.picture = picture;
        this.json = json;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void accept(Message<byte[]> message) {
        if (!(message.getHeaders().get(KafkaHeaders.RAW_DATA) instanceof ConsumerRecord<?, ?> raw)) {
            throw new IllegalStateException("No raw Kafka record in the message: the binding must use the platform's converter");
        }
        ConsumerRecord<String, byte[]> record = (ConsumerRecord<String, byte[]>) raw;
        try {
            EventMetadata metadata = CloudEventHeaders.read(record.headers());
            Map payload = record.value() == null ? Map.of() : json.read(record.value(), Map.class);
            picture.observe(new InboundEvent<>(metadata, payload, record.topic(), record.partition(), record.offset()));
        } catch (RuntimeException unreadable) {
            log.debug("Live view skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), unreadable.toString());
        }
    }
}
