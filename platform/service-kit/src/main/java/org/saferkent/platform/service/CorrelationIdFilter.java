package org.saferkent.platform.service;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.saferkent.platform.events.EventTracing;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id, as {@code correlationId} baggage of the request's trace (started or
 * continued from the caller's {@code traceparent} by Boot's HTTP server observation, which runs first): the
 * caller's {@code X-Correlation-Id}, else a well-formed {@code correlationId} of the caller's W3C
 * {@code baggage}, else a new one. Every event the request causes carries it, the logs show it (MDC) and
 * the response echoes it, with {@code X-Trace-Id} to find the request's trace.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String TRACE_ID_HEADER = "X-Trace-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final EventTracing tracing;

    public CorrelationIdFilter(EventTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = wellFormed(request.getHeader(HEADER));
        if (correlationId == null) {
            correlationId = wellFormed(tracing.baggage(EventTracing.CORRELATION_ID));
        }
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
        }
        response.setHeader(HEADER, correlationId);
        String traceId = tracing.currentTraceId();
        if (traceId != null) {
            response.setHeader(TRACE_ID_HEADER, traceId);
        }
        try {
            tracing.withCorrelation(correlationId, () -> {
                try {
                    chain.doFilter(request, response);
                    return null;
                } catch (IOException | ServletException e) {
                    throw new FilterFailure(e);
                }
            });
        } catch (FilterFailure failure) {
            if (failure.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) failure.getCause();
        }
    }

    private static String wellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches() ? value : null;
    }

    private static final class FilterFailure extends RuntimeException {
        FilterFailure(Exception cause) {
            super(cause);
        }
    }
}
