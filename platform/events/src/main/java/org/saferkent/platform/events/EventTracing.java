package org.saferkent.platform.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Baggage;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/**
 * What connects an event to the request or event that caused it, on Micrometer Tracing (OpenTelemetry
 * bridge): the trace (an event carries its producer's span as W3C {@code traceparent} in
 * {@code ce_traceparent}), the {@value #CORRELATION_ID} shared by everything one request set in motion
 * (baggage: propagated over HTTP, put in the logs' MDC) and the {@value #CAUSATION_ID} of the direct cause
 * (baggage too; a request that receives one replaces it with its own correlation id).
 *
 * <ul>
 * <li>{@link #current()}: what an event recorded now carries (the outbox stores it with the pending event);</li>
 * <li>{@link #publishing}: the outbox relay's producer span, a child of the stored context, whose
 * traceparent goes on the wire;</li>
 * <li>{@link #handle}: a consumer's span, continuing the producer's trace from {@code ce_traceparent}, with the
 * event's correlation id and the event as cause in the baggage. It is an observation, so the work it starts
 * on other threads (a context-propagating executor) and the HTTP calls it makes (an observed client) stay
 * in the trace.</li>
 * </ul>
 * Nothing here is on the wire but {@code ce_traceparent} and {@code ce_correlationid}, as the event catalogue says.
 */
public final class EventTracing {

    /** Baggage: the id shared by everything one request set in motion (remote field, in the MDC). */
    public static final String CORRELATION_ID = "correlationId";
    /** Baggage: the id of the request or event that caused the work in hand. */
    public static final String CAUSATION_ID = "causationId";
    /** The W3C trace context field, carried as {@code ce_traceparent} by events. */
    static final String TRACEPARENT = "traceparent";
    /** The observation of a consumer handling one event. */
    public static final String HANDLE_OBSERVATION = "saferkent.event.handle";

    private static final TextMapGetter<String> TRACEPARENT_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    /** What an event carries about its origin. */
    public record Origin(String correlationId, String causationId, String traceparent) {
    }

    /** The relay's span for one send: its traceparent goes on the wire; {@link #end} when the broker answered. */
    public static final class Publishing {

        private final Span span;
        private final String traceparent;

        Publishing(Span span, String traceparent) {
            this.span = span;
            this.traceparent = traceparent;
        }

        public String traceparent() {
            return traceparent;
        }

        /** Ends the span; {@code failure} (may be null) marks it failed. */
        public void end(Throwable failure) {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        }
    }

    private final Tracer tracer;
    private final Propagator propagator;
    private final ObservationRegistry observations;

    /**
     * @param tracer       the service's tracer
     * @param propagator   its propagator: must produce W3C trace context (Boot's default)
     * @param observations its observation registry, with the tracing handlers
     */
    public EventTracing(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.observations = observations;
    }

    private static volatile EventTracing standalone;

    /**
     * For code running outside a service (tests, contract verification): a tracer of its own on the
     * OpenTelemetry SDK that exports nothing, W3C propagation, {@value #CORRELATION_ID} as remote baggage.
     */
    public static EventTracing standalone() {
        EventTracing existing = standalone;
        if (existing != null) {
            return existing;
        }
        synchronized (EventTracing.class) {
            if (standalone == null) {
                io.opentelemetry.api.trace.Tracer otel = SdkTracerProvider.builder().build().get("saferkent");
                OtelCurrentTraceContext current = new OtelCurrentTraceContext();
                OtelTracer tracer = new OtelTracer(otel, current, event -> {
                }, new OtelBaggageManager(current, List.of(CORRELATION_ID), List.of()));
                OtelPropagator propagator = new OtelPropagator(ContextPropagators.create(TextMapPropagator.composite(
                        W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())), otel);
                ObservationRegistry registry = ObservationRegistry.create();
                registry.observationConfig().observationHandler(
                        new io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler(
                                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                                new DefaultTracingObservationHandler(tracer)));
                standalone = new EventTracing(tracer, propagator, registry);
            }
            return standalone;
        }
    }

    /**
     * The origin of an event recorded now: the correlation and causation in the baggage (a new correlation
     * when nothing started one) and the current span. Outside any span (a scheduled task) a root span is
     * started and ended for it, so every event has a trace to follow.
     */
    public Origin current() {
        String correlationId = baggage(CORRELATION_ID);
        String causationId = baggage(CAUSATION_ID);
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
            causationId = correlationId;
        } else if (causationId == null) {
            causationId = correlationId;
        }
        Span span = tracer.currentSpan();
        String traceparent = span == null ? null : traceparent(span.context());
        if (traceparent == null) {
            Span root = tracer.nextSpan().name("event recorded").start();
            traceparent = traceparent(root.context());
            root.end();
        }
        return new Origin(correlationId, causationId, traceparent);
    }

    /** The value of a baggage field in scope, or null. */
    public String baggage(String field) {
        Baggage baggage = tracer.getBaggage(field);
        String value = baggage == null ? null : baggage.get();
        return value == null || value.isBlank() ? null : value;
    }

    /** The trace id of the current span, or null outside any. */
    public String currentTraceId() {
        Span span = tracer.currentSpan();
        return span == null ? null : span.context().traceId();
    }

    /**
     * Runs {@code work} with {@value #CORRELATION_ID} (and the same value as cause) in the baggage; the
     * current span, if any, is tagged with it.
     */
    public <T> T withCorrelation(String correlationId, Supplier<T> work) {
        Span span = tracer.currentSpan();
        if (span != null) {
            span.tag(CORRELATION_ID, correlationId);
        }
        try (BaggageInScope correlation = tracer.createBaggageInScope(CORRELATION_ID, correlationId);
                BaggageInScope causation = tracer.createBaggageInScope(CAUSATION_ID, correlationId)) {
            return work.get();
        }
    }

    /**
     * Starts the relay's producer span for {@code event}, a child of the trace context stored with it, and
     * gives the traceparent to send in its {@code ce_traceparent}.
     */
    public Publishing publishing(EventMetadata event, String topic) {
        Span span = propagator.extract(event, (EventMetadata carrier, String key) -> TRACEPARENT.equals(key) ? carrier.traceparent() : null)
                .kind(Span.Kind.PRODUCER)
                .name(topic + " publish")
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .tag("messaging.message.id", event.id())
                .tag("event.type", event.type())
                .tag(CORRELATION_ID, event.correlationId() == null ? "" : event.correlationId())
                .start();
        String traceparent = traceparent(span.context());
        return new Publishing(span, traceparent != null ? traceparent : event.traceparent());
    }

    /**
     * Runs a consumer's {@code work} for {@code event} in a consumer span continuing the producer's trace
     * ({@code ce_traceparent}; a new trace without one), with the event's correlation id and the event
     * itself as cause in the baggage, so events the work records carry them on.
     */
    public void handle(EventMetadata event, String topic, String group, Runnable work) {
        ReceiverContext<EventMetadata> context = new ReceiverContext<>(
                (carrier, key) -> TRACEPARENT.equals(key) ? carrier.traceparent() : null);
        context.setCarrier(event);
        context.setRemoteServiceName("kafka");
        String correlationId = event.correlationId() != null ? event.correlationId() : event.id();
        // the baggage first: the consumer span starts in it, so the span is tagged with it and the work the
        // span's context is carried to (another thread, an HTTP call) has it too
        try (BaggageInScope correlation = tracer.createBaggageInScope(CORRELATION_ID, correlationId);
                BaggageInScope causation = tracer.createBaggageInScope(CAUSATION_ID, event.id())) {
            Observation.createNotStarted(HANDLE_OBSERVATION, () -> context, observations)
                    .contextualName(topic + " process")
                    .lowCardinalityKeyValue("messaging.system", "kafka")
                    .lowCardinalityKeyValue("messaging.destination.name", topic)
                    .lowCardinalityKeyValue("messaging.consumer.group.name", group == null ? "none" : group)
                    .lowCardinalityKeyValue("event.type", event.type())
                    .highCardinalityKeyValue("messaging.message.id", event.id())
                    .highCardinalityKeyValue(CORRELATION_ID, correlationId)
                    .observe(work);
        }
    }

    /** The W3C traceparent of {@code context}, or null when the propagator writes none. */
    public String traceparent(TraceContext context) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The trace id of a well-formed W3C {@code traceparent}, else null. */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT_VALUE);
        SpanContext span = io.opentelemetry.api.trace.Span.fromContext(extracted).getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }
}
