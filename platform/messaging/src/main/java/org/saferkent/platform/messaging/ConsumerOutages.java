package org.saferkent.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.saferkent.platform.messaging.ops.ConsumerPaused;
import org.saferkent.platform.messaging.ops.ConsumerResumed;
import org.saferkent.platform.messaging.ops.OpsPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/**
 * Reports on {@code ops.events} a consumer held up by an outage ({@link ConsumerFailurePolicy#isOutage}):
 * {@link ConsumerPaused} at the first failed delivery of the outage, {@link ConsumerResumed} when a
 * record of that topic is handled again. Once per outage and topic, not per retry; a report the broker
 * did not take is tried again at the next failed delivery. Class names only: never a record's content.
 * Reports go through {@link OpsPublisher}, off the consumer's thread.
 */
public class ConsumerOutages implements RetryListener {

    /** Reports nothing (a consumer built without ops reporting). */
    public static final ConsumerOutages NONE = new ConsumerOutages(null, null, null, null, Clock.systemUTC());

    private static final Logger log = LoggerFactory.getLogger(ConsumerOutages.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final class Outage {
        final Instant since;
        final String reason;
        final AtomicBoolean reported = new AtomicBoolean();

        Outage(Instant since, String reason) {
            this.since = since;
            this.reason = reason;
        }
    }

    private final OpsPublisher publisher;
    private final String service;
    private final String instance;
    private final String group;
    private final Clock clock;
    private final ConcurrentMap<String, Outage> outages = new ConcurrentHashMap<>();

    public ConsumerOutages(OpsPublisher publisher, String service, String instance, String group, Clock clock) {
        this.publisher = publisher;
        this.service = service;
        this.instance = instance;
        this.group = group;
        this.clock = clock;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        Throwable cause = ConsumerFailurePolicy.outageCause(failure);
        if (cause == null) {
            return;
        }
        String topic = record.topic();
        Outage outage = outages.computeIfAbsent(topic, t -> {
            log.warn("Consumer {} held up on {}: {}; retrying until it is back", group, t, cause.getClass().getName());
            return new Outage(clock.instant(), cause.getClass().getName());
        });
        if (publisher != null && outage.reported.compareAndSet(false, true)) {
            publisher.publish(subject(topic), new ConsumerPaused(service, instance, group, topic, outage.reason, outage.since), TIMEOUT)
                    .whenComplete((ok, notSent) -> {
                        if (notSent != null) {
                            outage.reported.set(false);
                        }
                    });
        }
    }

    /** A record of {@code topic} was handled: ends the topic's outage, if there was one. */
    public void handled(String topic) {
        if (outages.isEmpty()) {
            return;
        }
        Outage outage = outages.remove(topic);
        if (outage == null) {
            return;
        }
        Instant now = clock.instant();
        log.info("Consumer {} resumed on {} after {}s", group, topic, Duration.between(outage.since, now).toSeconds());
        if (publisher != null && outage.reported.get()) {
            publisher.publish(subject(topic), new ConsumerResumed(service, instance, group, topic, outage.since, now,
                    Duration.between(outage.since, now).toSeconds()), TIMEOUT);
        }
    }

    /** Whether the consumer is held up on {@code topic} now. */
    public boolean isPaused(String topic) {
        return outages.containsKey(topic);
    }

    private String subject(String topic) {
        return service + "/" + topic;
    }
}
