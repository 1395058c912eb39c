package org.saferkent.platform.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.saferkent.platform.events.EventTracing;
import org.saferkent.platform.events.InvalidEventException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A minimal consumer: counts each district's incidents, exactly once per event, and fails on
 * purpose for district "unreachable" to exercise retries.
 */
@SpringBootApplication
class MessagingTestApplication {

    static final String TOPIC = "messagingtest.incident.events";
    static final String TYPE = "messagingtest.IncidentReported.v1";
    /** Handled with a store of its own that a test takes down ({@link OutageStore}). */
    static final String OUTAGE_TOPIC = "messagingtest.outage.events";
    /** Read in batches by {@link #batchIncidents}. */
    static final String BATCH_TOPIC = "messagingtest.batch.events";
    /** How many batch writes with district "batch-flaky" fail before one succeeds. */
    static final AtomicInteger batchWriteFailuresLeft = new AtomicInteger();
    /** How often each incident of a batch was followed up once its batch was written (by incident id). */
    static final Map<String, AtomicInteger> followedUp = new ConcurrentHashMap<>();

    record IncidentReported(String incidentId, String district) {
        IncidentReported {
            if (district == null) {
                throw new InvalidEventException("missing field 'district'");
            }
        }
    }

    static final AtomicInteger transientFailuresLeft = new AtomicInteger();
    /** How often each event on the outage topic was tried, by event id. */
    static final java.util.Map<String, AtomicInteger> outageAttempts = new java.util.concurrent.ConcurrentHashMap<>();
    /** The correlation each handled incident ran in, by incident id. */
    static final java.util.Map<String, EventTracing.Origin> handledIn = new java.util.concurrent.ConcurrentHashMap<>();

    /** A breaker that is a bean: the platform reports its state changes by itself. */
    @Bean
    CircuitBreaker testCircuit() {
        return CircuitBreaker.ofDefaults("test-circuit");
    }

    /** A registry that is a bean: so are the breakers it makes, even later ones. */
    @Bean
    CircuitBreakerRegistry testCircuits() {
        return CircuitBreakerRegistry.ofDefaults();
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    OutageStore outageStore() {
        return new OutageStore();
    }

    @Bean
    EventConsumer outageIncidents(OutageStore store) {
        IdempotentWrites writes = new IdempotentWrites(store.mongo());
        return EventConsumer.routing().on(TYPE, IncidentReported.class, event -> {
            outageAttempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            writes.applyOnce("district_counts", event.payload().district(), event.id(), new Update().inc("incidents", 1));
        });
    }

    /**
     * The same count, a batch at a time: each batch is one bulk write; a batch holding district
     * "batch-unreachable" never writes, one holding "batch-flaky" fails {@link #batchWriteFailuresLeft} times.
     * Each incident is then followed up ({@link #followedUp}); an incident whose id starts with "unfollowable" fails there.
     */
    @Bean
    EventBatchConsumer<java.util.List<IdempotentWrites.Change>> batchIncidents(IdempotentWrites writes) {
        return EventBatchConsumer.<java.util.List<IdempotentWrites.Change>>routing(java.util.ArrayList::new, changes -> {
            if (changes.stream().anyMatch(change -> change.id().equals("batch-unreachable"))) {
                throw new IllegalStateException("store unavailable");
            }
            if (changes.stream().anyMatch(change -> change.id().equals("batch-flaky")) && batchWriteFailuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("store briefly unavailable");
            }
            writes.applyOnce("district_counts", changes);
        }).on(TYPE, IncidentReported.class, (changes, event) ->
                changes.add(new IdempotentWrites.Change(event.payload().district(), event.id(), new Update().inc("incidents", 1))),
                event -> {
                    if (event.payload().incidentId().startsWith("unfollowable")) {
                        throw new IllegalArgumentException("cannot follow this incident up");
                    }
                    followedUp.computeIfAbsent(event.payload().incidentId(), id -> new AtomicInteger()).incrementAndGet();
                });
    }

    @Bean
    EventConsumer incidents(IdempotentWrites writes, EventTracing tracing) {
        return EventConsumer.routing().on(TYPE, IncidentReported.class, event -> {
            if (event.payload().district().equals("flaky") && transientFailuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("store briefly unavailable");
            }
            if (event.payload().district().equals("unreachable")) {
                throw new IllegalStateException("store unavailable");
            }
            handledIn.put(event.payload().incidentId(), tracing.current());
            writes.applyOnce("district_counts", event.payload().district(), event.id(), new Update().inc("incidents", 1));
        });
    }
}
