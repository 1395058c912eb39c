package org.saferkent.platform.messaging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.EventTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

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

    /** A staged event: its record, its type, and what it does once its batch is written (null: nothing). */
    private record Staged(ConsumerRecord<String, byte[]> record, String type, Runnable then) {
    }

    /**
     * Stages each record of a batch, then writes the batch, then runs the staged events' follow-ups in order. A
     * record that cannot be read or staged: the records before it are written (and followed up), and the error
     * handler is told which record failed (it commits those before it, retries or dead-letters that one alone,
     * and delivers the rest again). A failed write: the error handler is told the batch's first record failed,
     * so the whole batch is tried again. A failed follow-up: the error handler is told that record failed, as
     * for one that could not be staged.
     */
    <B> void dispatch(EventBatchConsumer<B> consumer, List<ConsumerRecord<String, byte[]>> records) {
        B batch = consumer.newBatch();
        List<Staged> staged = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventMetadata metadata = CloudEventHeaders.read(record.headers());
                EventBatchConsumer.Route<B, ?> route = consumer.route(metadata.type());
                if (route == null) {
                    log.debug("Skipping {} on {}: not subscribed", metadata.type(), record.topic());
                } else {
                    staged.add(stage(route, batch, metadata, record));
                }
            } catch (RuntimeException failure) {
                if (record != records.get(0)) {
                    complete(consumer, batch, records, staged);
                }
                throw new BatchListenerFailedException("could not handle " + record.topic() + "-" + record.partition()
                        + "@" + record.offset(), failure, record);
            }
        }
        complete(consumer, batch, records, staged);
    }

    private <B, T> Staged stage(EventBatchConsumer.Route<B, T> route, B batch, EventMetadata metadata,
            ConsumerRecord<String, byte[]> record) {
        T payload = record.value() == null && route.tombstones() ? null : json.read(record.value(), route.payloadType());
        InboundEvent<T> event = new InboundEvent<>(metadata, payload, record.topic(), record.partition(), record.offset());
        tracing.handle(metadata, record.topic(), group, () -> route.stager().stage(batch, event));
        EventHandler<T> then = route.then();
        return new Staged(record, metadata.type(),
                then == null ? null : () -> tracing.handle(metadata, record.topic(), group, () -> then.handle(event)));
    }

    /** Writes the batch, then follows up each staged event in turn. */
    private <B> void complete(EventBatchConsumer<B> consumer, B batch, List<ConsumerRecord<String, byte[]>> records,
            List<Staged> staged) {
        try {
            consumer.write(batch);
        } catch (RuntimeException failure) {
            ConsumerRecord<String, byte[]> first = records.get(0);
            throw new BatchListenerFailedException("could not write the batch from " + first.topic() + "-"
                    + first.partition() + "@" + first.offset(), failure, first);
        }
        for (Staged event : staged) {
            if (event.then() != null) {
                try {
                    event.then().run();
                } catch (RuntimeException failure) {
                    ConsumerRecord<String, byte[]> record = event.record();
                    throw new BatchListenerFailedException("could not handle " + record.topic() + "-" + record.partition()
                            + "@" + record.offset(), failure, record);
                }
            }
            metrics.processed(group, event.record().topic(), event.type());
        }
        Set<String> topics = new LinkedHashSet<>();
        records.forEach(record -> topics.add(record.topic()));
        topics.forEach(outages::handled);
    }
}
