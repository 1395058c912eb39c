package org.saferkent.victims.victimcase.adapter.out.referrals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
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
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The referrals claim check, {@code GET {base}/api/referrals/{referralId}/subject}, behind
 * Resilience4j: each attempt is time-limited (the request's own timeout, on the JDK HTTP client), at most
 * a few run at once (bulkhead), failures open a circuit breaker so a referrals outage is not hammered,
 * and transient failures are retried with exponential backoff. Outcomes are reported, never thrown; no
 * message quotes the personal data. Built on the service's {@link RestClient.Builder}, each attempt is an
 * observed client call: a span of the caller's trace whose {@code traceparent} (and correlation id baggage)
 * referrals continues.
 */
public class ReferralsSubjectClient implements SubjectDetailsSource {

    /** One answer of referrals: its status and body. */
    private record Answer(int status, byte[] body) {
    }

    /** Why personal data is read: recorded in the owning service's audit trail. */
    static final String ACCESS_PURPOSE = "X-Access-Purpose";

    /**
     * @param baseUrl              where referrals serves its API
     * @param connectTimeout       TCP connect limit
     * @param timeout              limit on one attempt (the request timeout, to the end of the answer)
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
    private final RestClient http;
    private final JsonMapper json;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    /** Registries of one each: what Resilience4j's Micrometer binders take ({@link #metrics}). */
    private final io.github.resilience4j.retry.RetryRegistry retries;
    private final io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry circuitBreakers;
    private final io.github.resilience4j.bulkhead.BulkheadRegistry bulkheads;
    private final ClientCredentialsTokens tokens;

    public ReferralsSubjectClient(Settings settings) {
        this(settings, null);
    }

    /**
     * @param tokens the victims service's own client-credentials token (client {@code svc-victims}, the only
     *               one referrals hands personal details to); {@code null} sends none
     */
    public ReferralsSubjectClient(Settings settings, ClientCredentialsTokens tokens) {
        this(settings, tokens, RestClient.builder());
    }

    /**
     * @param restClient the service's builder (Spring Boot's, observed: each call is traced and carries the
     *                   trace context); its request factory is replaced by a JDK one with this client's timeouts
     */
    public ReferralsSubjectClient(Settings settings, ClientCredentialsTokens tokens, RestClient.Builder restClient) {
        this.tokens = tokens;
        this.baseUrl = settings.baseUrl().endsWith("/") ? settings.baseUrl().substring(0, settings.baseUrl().length() - 1)
                : settings.baseUrl();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(settings.timeout());
        this.http = restClient.clone().requestFactory(requests).build();
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        Predicate<Throwable> outage = e -> e instanceof ReferralsUnavailableException unavailable ? unavailable.retryable()
                : e instanceof IOException;
        this.retries = io.github.resilience4j.retry.RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.backoff(), 2.0))
                .retryOnException(outage)
                .build());
        this.retry = retries.retry("referrals-subject");
        this.circuitBreakers = io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(Math.max(settings.minimumCalls(), 10))
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(outage)
                .ignoreExceptions(BulkheadFullException.class)
                .build());
        this.circuitBreaker = circuitBreakers.circuitBreaker("referrals-subject");
        this.bulkheads = io.github.resilience4j.bulkhead.BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.bulkhead = bulkheads.bulkhead("referrals-subject");
    }

    @Override
    public SubjectLookup lookUp(String referralId) {
        Callable<Answer> call = () -> checked(send(referralId));
        call = Bulkhead.decorateCallable(bulkhead, call);
        call = CircuitBreaker.decorateCallable(circuitBreaker, call);
        call = Retry.decorateCallable(retry, call);
        Answer response;
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
        if (response.status() == 404 || response.status() == 410) {
            return new SubjectLookup.NotHeld(); // 410: the subject was erased, nothing will ever come
        }
        try {
            return new SubjectLookup.Found(json.readValue(response.body(), VictimDetails.class));
        } catch (JacksonException e) {
            return new SubjectLookup.Unavailable("unreadable answer from referrals: " + EventJson.describe(e));
        }
    }

    /** One attempt; the token is read per attempt, so a token refused by referrals is replaced before the retry. */
    private Answer send(String referralId) throws IOException {
        String bearer = tokens != null ? tokens.bearer() : null;
        try {
            return http.get()
                    .uri(subjectUri(referralId))
                    .accept(MediaType.APPLICATION_JSON)
                    .header(ACCESS_PURPOSE, "claim-check")
                    .headers(headers -> {
                        if (bearer != null) {
                            headers.set("Authorization", bearer);
                        }
                    })
                    .exchange((request, response) -> new Answer(response.getStatusCode().value(), response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            // the transport failed (refused, reset, timed out): retried as an outage
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** 200, 404 and 410 (erased) are answers; anything else is a failure (retried when transient, or with a fresh token). */
    private Answer checked(Answer response) {
        int status = response.status();
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

    /** The claim check's breaker, retry and bulkhead in Prometheus ({@code resilience4j_circuitbreaker_*}, {@code resilience4j_retry_*}, ...). */
    public io.micrometer.core.instrument.binder.MeterBinder metrics() {
        return registry -> {
            io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(registry);
            io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
            io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
        };
    }

    /** The breaker guarding the claim check, so operations see its state changes. */
    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    private static String describe(Exception e) {
        if (e instanceof ReferralsUnavailableException) {
            return e.getMessage();
        }
        if (e instanceof HttpTimeoutException) {
            return "referrals did not answer in time";
        }
        return "referrals unreachable (" + e.getClass().getSimpleName() + ")";
    }
}
