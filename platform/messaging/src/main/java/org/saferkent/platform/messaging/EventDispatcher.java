package org.saferkent.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.Correlation;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns a record into an {@link InboundEvent} and hands it to the subscription's handler, inside the
 * event's correlation (so events it causes carry it on). An envelope or payload that cannot be read
 * raises {@link org.saferkent.platform.events.InvalidEventException}, which is never retried.
 */
class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final Subscription subscription;
    private final EventJson json;

    EventDispatcher(Subscription subscription, EventJson json) {
        this.subscription = subscription;
        this.json = json;
    }

    void dispatch(ConsumerRecord<String, byte[]> record) {
        EventMetadata metadata = CloudEventHeaders.read(record.headers());
        Subscription.Route<?> route = subscription.route(metadata.type());
        if (route == null) {
            log.debug("Skipping {} on {}: not subscribed", metadata.type(), record.topic());
            return;
        }
        handle(route, metadata, record);
    }

    private <T> void handle(Subscription.Route<T> route, EventMetadata metadata, ConsumerRecord<String, byte[]> record) {
        T payload = json.read(record.value(), route.payloadType());
        InboundEvent<T> event = new InboundEvent<>(metadata, payload, record.topic(), record.partition(), record.offset());
        Correlation correlation = Correlation.causedBy(metadata);
        MDC.put("correlationId", correlation.correlationId());
        MDC.put("traceparent", correlation.traceparent());
        try {
            Correlation.run(correlation, () -> route.handler().handle(event));
        } finally {
            MDC.remove("correlationId");
            MDC.remove("traceparent");
        }
    }
}
