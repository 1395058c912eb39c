package org.saferkent.platform.service;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.saferkent.platform.events.Correlation;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Starts a causal chain per request: the caller's {@code X-Correlation-Id} (or a new one) is put in
 * the logs and carried by every event the request causes, and echoed in the response. A caller's W3C
 * {@code traceparent} is continued (same trace id, a new span id); otherwise a new trace starts. The
 * logs carry {@code correlationId}, {@code traceparent}, {@code traceId} and {@code spanId}; the
 * response carries {@code X-Trace-Id}, to follow the request through every service.
 */
public class CorrelationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String TRACE_ID_HEADER = "X-Trace-Id";
    private static final int MAX_LENGTH = 100;
    private static final Pattern TRACEPARENT = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String supplied = request.getHeader(HEADER);
        if (supplied != null && (supplied.length() > MAX_LENGTH || !supplied.matches("[A-Za-z0-9._:-]+"))) {
            supplied = null;
        }
        Correlation correlation = Correlation.start(supplied);
        String continued = child(request.getHeader("traceparent"));
        if (continued != null) {
            correlation = new Correlation(correlation.correlationId(), correlation.causationId(), continued);
        }
        Matcher trace = TRACEPARENT.matcher(correlation.traceparent());
        String traceId = trace.matches() ? trace.group(2) : null;
        response.setHeader(HEADER, correlation.correlationId());
        MDC.put("correlationId", correlation.correlationId());
        MDC.put("traceparent", correlation.traceparent());
        if (traceId != null) {
            response.setHeader(TRACE_ID_HEADER, traceId);
            MDC.put("traceId", traceId);
            MDC.put("spanId", trace.group(3));
        }
        try {
            Correlation.run(correlation, () -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException e) {
                    throw new FilterFailure(e);
                }
            });
        } catch (FilterFailure failure) {
            if (failure.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) failure.getCause();
        } finally {
            MDC.remove("correlationId");
            MDC.remove("traceparent");
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }

    /** A new span in the caller's trace, or null when the caller sent no well-formed traceparent. */
    static String child(String traceparent) {
        if (traceparent == null || traceparent.length() != 55) {
            return null;
        }
        Matcher m = TRACEPARENT.matcher(traceparent);
        if (!m.matches() || "ff".equals(m.group(1)) || m.group(2).equals("0".repeat(32)) || m.group(3).equals("0".repeat(16))) {
            return null;
        }
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(span);
        span[0] |= 1; // never all zeros
        return m.group(1) + "-" + m.group(2) + "-" + HexFormat.of().formatHex(span) + "-" + m.group(4);
    }

    private static final class FilterFailure extends RuntimeException {
        FilterFailure(Exception cause) {
            super(cause);
        }
    }
}
