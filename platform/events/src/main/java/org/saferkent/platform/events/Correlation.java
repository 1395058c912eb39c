package org.saferkent.platform.events;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * What connects an event to the request or event that caused it: the correlation id shared by
 * everything one request set in motion, the id of the direct cause, and the W3C trace context.
 * Held per thread while a request or an inbound event is handled; events created meanwhile carry it.
 */
public record Correlation(String correlationId, String causationId, String traceparent) {

    private static final ThreadLocal<Correlation> CURRENT = new ThreadLocal<>();

    /** The correlation of the work in hand, or a fresh one when nothing started it. */
    public static Correlation current() {
        Correlation current = CURRENT.get();
        return current != null ? current : start(null);
    }

    /** Starts a new causal chain, e.g. at an HTTP request; {@code correlationId} may be supplied by the caller. */
    public static Correlation start(String correlationId) {
        String id = correlationId != null && !correlationId.isBlank() ? correlationId : UUID.randomUUID().toString();
        return new Correlation(id, id, newTraceparent());
    }

    /** The correlation for work caused by {@code event}: same chain, the event as direct cause. */
    public static Correlation causedBy(EventMetadata event) {
        String correlationId = event.correlationId() != null ? event.correlationId() : event.id();
        String traceparent = event.traceparent() != null ? event.traceparent() : newTraceparent();
        return new Correlation(correlationId, event.id(), traceparent);
    }

    public static <T> T with(Correlation correlation, Supplier<T> work) {
        Correlation previous = CURRENT.get();
        CURRENT.set(correlation);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static void run(Correlation correlation, Runnable work) {
        with(correlation, () -> {
            work.run();
            return null;
        });
    }

    /** W3C trace context version 00, sampled. */
    static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        random.nextBytes(traceId);
        random.nextBytes(spanId);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(traceId) + "-" + hex.formatHex(spanId) + "-01";
    }
}
