package org.saferkent.victims.victimcase.adapter.out.referrals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.service.security.ClientCredentialsTokens;
import org.saferkent.victims.victimcase.application.SubjectDetailsSource;
import org.saferkent.victims.victimcase.application.SubjectLookup;
import org.saferkent.victims.victimcase.domain.VictimDetails;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The referrals claim check, {@code GET {base}/api/referrals/{referralId}/subject}, behind
 * Resilience4j: each attempt is time-limited, at most a few run at once (bulkhead), failures open a
 * circuit breaker so a referrals outage is not hammered, and transient failures are retried with
 * exponential backoff. Outcomes are reported, never thrown; no message quotes the personal data.
 */
public class ReferralsSubjectClient implements SubjectDetailsSource {

    /** Why personal data is read: recorded in the owning service's audit trail. */
    static final String ACCESS_PURPOSE = "X-Access-Purpose";

    /**
     * @param baseUrl              where referrals serves its API
     * @param connectTimeout       TCP connect limit
     * @param timeout              limit on one attempt (time limiter and request timeout)
     * @param attempts             attempts per lookup, the first included
     * @param backoff              wait before the second attempt; doubles after each
     * @param failureRateThreshold percentage of failed calls that opens the circuit
     * @param minimumCalls         calls seen before the failure rate counts
     * @param openFor              how long an open circuit refuses calls before letting one through
     * @param maxConcurrentCalls   bulkhead: calls to referrals in flight at once
     */
    public record Settings(String baseUrl, Duration connectTimeout, Duration timeout, int attempts, Duration backoff,
            float failureRateThreshold, int minimumCalls, Duration openFor, int maxConcurrentCalls) {
    }

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final Bulkhead bulkhead;
    private final ClientCredentialsTokens tokens;

    public ReferralsSubjectClient(Settings settings) {
        this(settings, null);
    }

    /**
     * @param tokens the victims service's own client-credentials token (client {@code svc-victims}, the only
     *               one referrals hands personal details to); {@code null} sends none
     */
    public ReferralsSubjectClient(Settings settings, ClientCredentialsTokens tokens) {
        this.tokens = tokens;
        this.baseUrl = settings.baseUrl().endsWith("/") ? settings.baseUrl().substring(0, settings.baseUrl().length() - 1)
                : settings.baseUrl();
        this.timeout = settings.timeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        Predicate<Throwable> outage = e -> e instanceof ReferralsUnavailableException unavailable ? unavailable.retryable()
                : e instanceof IOException || e instanceof TimeoutException;
        this.retry = Retry.of("referrals-subject", RetryConfig.custom()
                .maxAttempts(settings.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.backoff(), 2.0))
                .retryOnException(outage)
                .build());
        this.circuitBreaker = CircuitBreaker.of("referrals-subject", CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(Math.max(settings.minimumCalls(), 10))
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(outage)
                .ignoreExceptions(BulkheadFullException.class)
                .build());
        this.timeLimiter = TimeLimiter.of("referrals-subject", TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout())
                .cancelRunningFuture(true)
                .build());
        this.bulkhead = Bulkhead.of("referrals-subject", BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    @Override
    public SubjectLookup lookUp(String referralId) {
        Callable<HttpResponse<byte[]>> call = () -> checked(send(request(referralId)));
        call = Bulkhead.decorateCallable(bulkhead, call);
        call = CircuitBreaker.decorateCallable(circuitBreaker, call);
        call = Retry.decorateCallable(retry, call);
        HttpResponse<byte[]> response;
        try {
            response = call.call();
        } catch (CallNotPermittedException e) {
            return new SubjectLookup.Unavailable("circuit open: referrals has been failing");
        } catch (BulkheadFullException e) {
            return new SubjectLookup.Unavailable("too many calls to referrals in flight");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SubjectLookup.Unavailable("interrupted");
        } catch (Exception e) {
            return new SubjectLookup.Unavailable(describe(e));
        }
        if (response.statusCode() == 404 || response.statusCode() == 410) {
            return new SubjectLookup.NotHeld(); // 410: the subject was erased, nothing will ever come
        }
        try {
            return new SubjectLookup.Found(json.readValue(response.body(), VictimDetails.class));
        } catch (JacksonException e) {
            return new SubjectLookup.Unavailable("unreadable answer from referrals: " + EventJson.describe(e));
        }
    }

    /** Built per attempt: a token refused by referrals is replaced before the retry. */
    private HttpRequest request(String referralId) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(subjectUri(referralId))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header(ACCESS_PURPOSE, "claim-check")
                .GET();
        if (tokens != null) {
            request.header("Authorization", tokens.bearer());
        }
        return request.build();
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        try {
            return timeLimiter.executeFutureSupplier(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** 200, 404 and 410 (erased) are answers; anything else is a failure (retried when transient, or with a fresh token). */
    private HttpResponse<byte[]> checked(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 200 || status == 404 || status == 410) {
            return response;
        }
        if (status == 401 && tokens != null) {
            tokens.invalidate();
        }
        throw new ReferralsUnavailableException(status);
    }

    private URI subjectUri(String referralId) {
        String segment = URLEncoder.encode(referralId, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(baseUrl + "/api/referrals/" + segment + "/subject");
    }

    /** The breaker guarding the claim check, so operations see its state changes. */
    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    private static String describe(Exception e) {
        if (e instanceof ReferralsUnavailableException) {
            return e.getMessage();
        }
        // the time limiter and the HTTP client's own request timeout race for a slow answer: same meaning
        if (e instanceof TimeoutException || e instanceof java.net.http.HttpTimeoutException) {
            return "referrals did not answer in time";
        }
        return "referrals unreachable (" + e.getClass().getSimpleName() + ")";
    }
}
