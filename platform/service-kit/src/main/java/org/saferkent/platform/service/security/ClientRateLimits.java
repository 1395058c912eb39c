package org.saferkent.platform.service.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client rate limits (Resilience4j {@link RateLimiter}, one per token's client id): a client over
 * its limit gets 429 with {@code Retry-After}, without waiting, so one agency's runaway batch job
 * cannot starve the others. Runs after authentication; requests without a valid token are refused
 * before they get here.
 *
 * @see RateLimitSettings
 */
public class ClientRateLimits extends OncePerRequestFilter {

    private final RateLimitSettings settings;
    private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();

    public ClientRateLimits(RateLimitSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Caller.current().orElse(null);
        if (caller == null || caller.clientId() == null) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter limiter = limiters.rateLimiter(caller.clientId(), () -> configFor(caller.clientId()));
        if (limiter.acquirePermission()) {
            chain.doFilter(request, response);
            return;
        }
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                : limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
        long seconds = Math.max(1, (long) Math.ceil(nanos / 1e9));
        response.setHeader("Retry-After", Long.toString(seconds));
        SecurityProblems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "This client has made too many requests; retry after the time in Retry-After.");
    }

    private RateLimiterConfig configFor(String clientId) {
        RateLimitSettings.Limit limit = settings.clients().getOrDefault(clientId, settings.defaults());
        return RateLimiterConfig.custom()
                .limitForPeriod(limit.limit())
                .limitRefreshPeriod(limit.period())
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /**
     * @param defaults the limit of every client ({@code saferkent.security.rate-limit.limit} requests per
     *                 {@code saferkent.security.rate-limit.period})
     * @param clients  per-client limits ({@code saferkent.security.rate-limit.clients.<clientId>.limit/period})
     */
    public record RateLimitSettings(Limit defaults, Map<String, Limit> clients) {

        public record Limit(int limit, Duration period) {
        }
    }
}
