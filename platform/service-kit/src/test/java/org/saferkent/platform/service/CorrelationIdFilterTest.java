package org.saferkent.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saferkent.platform.events.EventTracing;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The correlation id of a request, as baggage of its trace, on Boot's own tracing (Micrometer Tracing with the
 * OpenTelemetry bridge, configured by the platform defaults), with the request's span opened as Boot's HTTP
 * server observation opens it before the filter runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorrelationIdFilterTest {

    private final ConfigurableApplicationContext context = tracingContext();
    private final Tracer tracer = context.getBean(Tracer.class);
    private final ObservationRegistry observations = context.getBean(ObservationRegistry.class);
    private final EventTracing tracing = new EventTracing(tracer, context.getBean(Propagator.class), observations);
    private final CorrelationIdFilter filter = new CorrelationIdFilter(tracing);

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theCallersCorrelationIdIsTheRequestsBaggageIsLoggedWithTheTraceAndAnswered(CapturedOutput output) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/referrals");
        request.addHeader(CorrelationIdFilter.HEADER, "chain-7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<EventTracing.Origin> seen = new AtomicReference<>();

        String traceId = inRequestSpan(() -> filter.doFilter(request, response, (req, res) -> {
            seen.set(tracing.current());
            LoggerFactory.getLogger(CorrelationIdFilterTest.class).info("handled in the chain");
        }));

        assertThat(seen.get().correlationId()).isEqualTo("chain-7");
        assertThat(seen.get().causationId()).isEqualTo("chain-7");
        assertThat(EventTracing.traceId(seen.get().traceparent())).isEqualTo(traceId);
        assertThat(response.getHeader(CorrelationIdFilter.HEADER)).isEqualTo("chain-7");
        assertThat(response.getHeader(CorrelationIdFilter.TRACE_ID_HEADER)).isEqualTo(traceId);
        // Boot's ECS format (what docker-compose selects) carries both from the MDC
        String line = output.getOut().lines().filter(l -> l.contains("handled in the chain")).findFirst().orElseThrow();
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.path("correlationId").asString()).isEqualTo("chain-7");
        assertThat(json.path("traceId").asString()).isEqualTo(traceId);
        assertThat(json.path("spanId").asString()).hasSize(16);
        assertThat(tracing.baggage(EventTracing.CORRELATION_ID)).isNull();
    }

    @Test
    void aMalformedCorrelationIdIsReplacedByANewOne() throws Exception {
        for (String malformed : new String[] {"a b", "x".repeat(101), "<script>", ""}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/anything");
            request.addHeader(CorrelationIdFilter.HEADER, malformed);
            MockHttpServletResponse response = new MockHttpServletResponse();
            AtomicReference<String> seen = new AtomicReference<>();

            inRequestSpan(() -> filter.doFilter(request, response, (req, res) -> seen.set(tracing.current().correlationId())));

            assertThat(seen.get()).isNotEqualTo(malformed).matches("[0-9a-f-]{36}");
            assertThat(response.getHeader(CorrelationIdFilter.HEADER)).isEqualTo(seen.get());
        }
    }

    @Test
    void withoutOneEachRequestStartsAChainOfItsOwn() throws Exception {
        AtomicReference<String> first = new AtomicReference<>();
        AtomicReference<String> second = new AtomicReference<>();

        inRequestSpan(() -> filter.doFilter(new MockHttpServletRequest("GET", "/a"), new MockHttpServletResponse(),
                (req, res) -> first.set(tracing.current().correlationId())));
        inRequestSpan(() -> filter.doFilter(new MockHttpServletRequest("GET", "/b"), new MockHttpServletResponse(),
                (req, res) -> second.set(tracing.current().correlationId())));

        assertThat(first.get()).isNotBlank().isNotEqualTo(second.get());
    }

    private interface Request {
        void run() throws Exception;
    }

    /** Runs {@code request} in a span, as Boot's HTTP server observation does; answers the trace id. */
    private String inRequestSpan(Request request) throws Exception {
        Observation observation = Observation.start("http.server.requests", observations);
        try (Observation.Scope scope = observation.openScope()) {
            String traceId = tracer.currentSpan().context().traceId();
            request.run();
            return traceId;
        } finally {
            observation.stop();
        }
    }

    private static ConfigurableApplicationContext tracingContext() {
        SpringApplication application = new SpringApplicationBuilder(Tracing.class).web(WebApplicationType.NONE)
                .properties("logging.structured.format.console=ecs", "spring.main.banner-mode=off",
                        "spring.application.name=service-kit-test")
                .build();
        return application.run();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
            OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class})
    static class Tracing {
    }
}
