package org.saferkent.platform.messaging.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.EventTracing;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.events.WireNames;

/**
 * Publishes operational facts to {@value Topics#OPS_EVENTS} for the operations team. Never carries
 * personal data: ids, topics, counts and reasons only.
 */
public class OpsEvents {

    private final EventProducer producer;
    private final EventJson json;
    private final EventSource source;
    private final Clock clock;
    private final EventTracing tracing;

    /** Outside a service (tests): traced on a tracer of its own that exports nothing. */
    public OpsEvents(EventProducer producer, EventJson json, EventSource source, Clock clock) {
        this(producer, json, source, clock, EventTracing.standalone());
    }

    /** Each ops event carries the trace and correlation of the work that reported it. */
    public OpsEvents(EventProducer producer, EventJson json, EventSource source, Clock clock, EventTracing tracing) {
        this.tracing = tracing;
        this.producer = producer;
        this.json = json;
        this.source = source;
        this.clock = clock;
    }

    /** The reporting service's name. */
    public String service() {
        return source.serviceName();
    }

    /** Publishes and waits for the broker's ack. Key = subject (as for every event: key and ce_subject agree). */
    public void publish(String subject, Object opsEvent) {
        publish(subject, opsEvent, Duration.ofSeconds(10));
    }

    /** Publishes and waits at most {@code timeout} for the broker's ack. */
    public void publish(String subject, Object opsEvent, Duration timeout) {
        EventTracing.Origin origin = tracing.current();
        EventMetadata metadata = new EventMetadata(UUID.randomUUID().toString(), WireNames.of(opsEvent.getClass()),
                source.uri(), subject, clock.instant(), origin.correlationId(), origin.causationId(), 0,
                origin.traceparent());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.OPS_EVENTS, subject, json.write(opsEvent));
        CloudEventHeaders.write(metadata, record.headers());
        producer.sendAndWait(record, timeout);
    }
}
