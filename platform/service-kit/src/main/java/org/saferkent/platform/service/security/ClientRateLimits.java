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
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
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

    private static final String LIMITER = ClientRateLimits.class.getName() + ".limiter";

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
            request.setAttribute(LIMITER, limiter);
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds(limiter)));
        SecurityProblems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "This client has made too many requests; retry after the time in Retry-After.");
    }

    /**
     * Weighs a request that carries {@code weight} units of work (a batch of that many items) as that many
     * requests: the one the filter let through, plus {@code weight - 1} more, at most the client's whole
     * limit per period (so the largest batch allowed can still pass when the client has been idle).
     * Called before any of the work is done; over the limit it throws, answered 429 with
     * {@code Retry-After}, and nothing is done.
     */
    public static void charge(HttpServletRequest request, int weight) {
        if (!(request.getAttribute(LIMITER) instanceof RateLimiter limiter) || weight <= 1) {
            return;
        }
        int extra = Math.min(weight, limiter.getRateLimiterConfig().getLimitForPeriod()) - 1;
        if (extra > 0 && !limiter.acquirePermission(extra)) {
            throw new TooManyRequestsException(retryAfterSeconds(limiter));
        }
    }

    private static long retryAfterSeconds(RateLimiter limiter) {
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                : limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }

    /** A weighed request over its client's limit: 429 with {@code Retry-After}. */
    public static final class TooManyRequestsException extends ErrorResponseException {

        TooManyRequestsException(long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, problem(), null);
            getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        }

        private static ProblemDetail problem() {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "This request weighs more than this client has left; retry after the time in Retry-After.");
            problem.setTitle("Too many requests");
            return problem;
        }
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
