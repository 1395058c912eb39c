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
    private final String group;
    private final MessagingMetrics metrics;
    private final ConsumerOutages outages;

    EventDispatcher(Subscription subscription, EventJson json, String group, MessagingMetrics metrics) {
        this(subscription, json, group, metrics, ConsumerOutages.NONE);
    }

    EventDispatcher(Subscription subscription, EventJson json, String group, MessagingMetrics metrics, ConsumerOutages outages) {
        this.outages = outages;
        this.subscription = subscription;
        this.json = json;
        this.group = group;
        this.metrics = metrics;
    }

    void dispatch(ConsumerRecord<String, byte[]> record) {
        EventMetadata metadata = CloudEventHeaders.read(record.headers());
        Subscription.Route<?> route = subscription.route(metadata.type());
        if (route == null) {
            log.debug("Skipping {} on {}: not subscribed", metadata.type(), record.topic());
        } else {
            handle(route, metadata, record);
        }
        outages.handled(record.topic());
    }

    private <T> void handle(Subscription.Route<T> route, EventMetadata metadata, ConsumerRecord<String, byte[]> record) {
        T payload = json.read(record.value(), route.payloadType());
        InboundEvent<T> event = new InboundEvent<>(metadata, payload, record.topic(), record.partition(), record.offset());
        Correlation correlation = continueTrace(Correlation.causedBy(metadata));
        MDC.put("correlationId", correlation.correlationId());
        MDC.put("traceparent", correlation.traceparent());
        putIfNotNull("traceId", TraceContext.traceId(correlation.traceparent()));
        putIfNotNull("spanId", TraceContext.spanId(correlation.traceparent()));
        try {
            Correlation.run(correlation, () -> route.handler().handle(event));
            metrics.processed(group, record.topic(), metadata.type());
        } finally {
            MDC.remove("correlationId");
            MDC.remove("traceparent");
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }

    /**
     * The handler works in a span of its own within the producer's trace: same trace id, new span id.
     * Events it causes carry that traceparent on, so every service a referral passes through logs the
     * same {@code traceId}.
     */
    static Correlation continueTrace(Correlation causedBy) {
        String child = TraceContext.child(causedBy.traceparent());
        return child == null ? causedBy : new Correlation(causedBy.correlationId(), causedBy.causationId(), child);
    }

    private static void putIfNotNull(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
