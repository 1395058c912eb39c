package org.saferkent.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.EventTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a record into an {@link InboundEvent} and hands it to the consumer's handler for its type, in a
 * consumer span of the producer's trace with the event's correlation id in the baggage (so the logs show
 * both and the events it causes carry them on: see {@link EventTracing#handle}). An envelope or payload that cannot be read
 * raises {@link org.saferkent.platform.events.InvalidEventException}, which is never retried.
 */
class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final EventJson json;
    private final String group;
    private final MessagingMetrics metrics;
    private final ConsumerOutages outages;
    private final EventTracing tracing;

    EventDispatcher(EventJson json, String group, MessagingMetrics metrics, ConsumerOutages outages, EventTracing tracing) {
        this.tracing = tracing;
        this.outages = outages;
        this.json = json;
        this.group = group;
        this.metrics = metrics;
    }

    void dispatch(EventConsumer consumer, ConsumerRecord<String, byte[]> record) {
        EventMetadata metadata = CloudEventHeaders.read(record.headers());
        EventConsumer.Route<?> route = consumer.route(metadata.type());
        if (route == null) {
            log.debug("Skipping {} on {}: not subscribed", metadata.type(), record.topic());
        } else {
            handle(route, metadata, record);
        }
        outages.handled(record.topic());
    }

    private <T> void handle(EventConsumer.Route<T> route, EventMetadata metadata, ConsumerRecord<String, byte[]> record) {
        T payload = json.read(record.value(), route.payloadType());
        InboundEvent<T> event = new InboundEvent<>(metadata, payload, record.topic(), record.partition(), record.offset());
        tracing.handle(metadata, record.topic(), group, () -> route.handler().handle(event));
        metrics.processed(group, record.topic(), metadata.type());
    }
}
