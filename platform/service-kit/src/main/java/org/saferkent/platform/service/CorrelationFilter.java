package org.saferkent.platform.service;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.saferkent.platform.events.Correlation;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Starts a causal chain per request: the caller's {@code X-Correlation-Id} (or a new one) is put in
 * the logs and carried by every event the request causes, and echoed in the response.
 */
public class CorrelationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    private static final int MAX_LENGTH = 100;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String supplied = request.getHeader(HEADER);
        if (supplied != null && (supplied.length() > MAX_LENGTH || !supplied.matches("[A-Za-z0-9._:-]+"))) {
            supplied = null;
        }
        Correlation correlation = Correlation.start(supplied);
        response.setHeader(HEADER, correlation.correlationId());
        MDC.put("correlationId", correlation.correlationId());
        MDC.put("traceparent", correlation.traceparent());
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
        }
    }

    private static final class FilterFailure extends RuntimeException {
        FilterFailure(Exception cause) {
            super(cause);
        }
    }
}
