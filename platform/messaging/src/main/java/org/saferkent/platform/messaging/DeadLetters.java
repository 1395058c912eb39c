package org.saferkent.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.InvalidEventException;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.messaging.ops.DeadLetterRecorded;
import org.saferkent.platform.messaging.ops.OpsEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.saferkent.platform.events.EventProducer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;

/**
 * Sets a record that cannot be processed aside on {@code <topic>.<group>.dlq}, unchanged, with the
 * reason and its origin in headers, then reports it on {@code ops.events}. The consumer then moves
 * on. If the dead-letter topic cannot be written the record is not skipped: the error handler
 * delivers it again.
 */
public class DeadLetters implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final EventProducer producer;
    private final OpsEvents ops;
    private final EventSource source;
    private final String group;
    private final Clock clock;
    private final MessagingMetrics metrics;

    public DeadLetters(EventProducer producer, OpsEvents ops, EventSource source, String group, Clock clock) {
        this(producer, ops, source, group, clock, MessagingMetrics.NONE);
    }

    public DeadLetters(EventProducer producer, OpsEvents ops, EventSource source, String group, Clock clock,
            MessagingMetrics metrics) {
        this.producer = producer;
        this.ops = ops;
        this.source = source;
        this.group = group;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        Throwable cause = rootOf(exception);
        boolean invalid = cause instanceof InvalidEventException;
        String failure = invalid ? "INVALID" : "TRANSIENT";
        // Our own InvalidEventException messages name fields, never values; other messages might quote data.
        String reason = invalid ? cause.getMessage() : "still failing after retries: " + cause.getClass().getSimpleName();
        String dlqTopic = Topics.deadLetterTopic(record.topic(), group);

        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(dlqTopic, null,
                (String) record.key(), (byte[]) record.value());
        for (Header header : record.headers()) {
            deadLetter.headers().add(header);
        }
        Headers headers = deadLetter.headers();
        put(headers, DeadLetterHeaders.REASON, reason);
        put(headers, DeadLetterHeaders.FAILURE, failure);
        put(headers, DeadLetterHeaders.EXCEPTION, cause.getClass().getName());
        put(headers, DeadLetterHeaders.ORIGINAL_TOPIC, record.topic());
        put(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(record.partition()));
        put(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(record.offset()));
        put(headers, DeadLetterHeaders.GROUP, group);
        put(headers, DeadLetterHeaders.SERVICE, source.serviceName());
        put(headers, DeadLetterHeaders.FAILED_AT, clock.instant().toString());
        producer.sendAndWait(deadLetter, Duration.ofSeconds(10));
        metrics.deadLettered(group, record.topic(), failure);
        log.warn("Dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(), dlqTopic, reason);

        try {
            ops.publish(dlqTopic, new DeadLetterRecorded(source.serviceName(), group, record.topic(), record.partition(),
                    record.offset(), dlqTopic, failure, reason,
                    CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID),
                    CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE),
                    clock.instant()));
        } catch (RuntimeException e) {
            // The dead letter is safe on its topic (ops-monitor reads those too); do not replay the record for this.
            log.warn("Could not report dead letter {}-{}@{} on ops.events: {}", record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    static Throwable rootOf(Throwable exception) {
        Throwable current = exception;
        // the listener container's and the binding's (Spring Integration's) wrappers around the handler's failure
        // and a batch consumer's note of which record failed (BatchListenerFailedException)
        while ((current instanceof ListenerExecutionFailedException || current instanceof MessagingException
                || current instanceof BatchListenerFailedException) && current.getCause() != null) {
            current = current.getCause();
        }
        Throwable probe = current;
        while (probe != null) {
            if (probe instanceof InvalidEventException) {
                return probe;
            }
            probe = probe.getCause();
        }
        return current;
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
