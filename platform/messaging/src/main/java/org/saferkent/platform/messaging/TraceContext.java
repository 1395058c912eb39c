package org.saferkent.platform.messaging;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W3C trace context (<a href="https://www.w3.org/TR/trace-context/">traceparent</a>) helpers: an event
 * carries its producer's {@code traceparent}; the consumer continues the same trace (same trace id)
 * in a span of its own (a new span id), so one referral can be followed through every service by its
 * trace id.
 */
public final class TraceContext {

    private static final Pattern TRACEPARENT = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);

    private TraceContext() {
    }

    /** The trace id of a well-formed {@code traceparent}, else null. */
    public static String traceId(String traceparent) {
        Matcher m = parse(traceparent);
        return m == null ? null : m.group(2);
    }

    /** The span id (the caller's span, for a received traceparent) of a well-formed {@code traceparent}, else null. */
    public static String spanId(String traceparent) {
        Matcher m = parse(traceparent);
        return m == null ? null : m.group(3);
    }

    /** A child of {@code traceparent}: same version, trace id and flags, a new span id; null when it is not well formed. */
    public static String child(String traceparent) {
        Matcher m = parse(traceparent);
        if (m == null) {
            return null;
        }
        return m.group(1) + "-" + m.group(2) + "-" + newSpanId() + "-" + m.group(4);
    }

    private static Matcher parse(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Matcher m = TRACEPARENT.matcher(traceparent);
        if (!m.matches() || "ff".equals(m.group(1)) || INVALID_TRACE.equals(m.group(2)) || INVALID_SPAN.equals(m.group(3))) {
            return null;
        }
        return m;
    }

    private static String newSpanId() {
        byte[] span = new byte[8];
        do {
            ThreadLocalRandom.current().nextBytes(span);
        } while (isZero(span));
        return HexFormat.of().formatHex(span);
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
