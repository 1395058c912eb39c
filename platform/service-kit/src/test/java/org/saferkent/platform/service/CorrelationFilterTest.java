package org.saferkent.platform.service;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saferkent.platform.events.Correlation;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class CorrelationFilterTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aCallersTraceIsContinuedInANewSpanAndItsIdsAreLoggedAndAnswered() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/anything");
        request.addHeader("traceparent", TRACEPARENT);
        request.addHeader(CorrelationFilter.HEADER, "chain-7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        Map<String, String> mdc = new HashMap<>();
        Correlation[] seen = new Correlation[1];

        new CorrelationFilter().doFilter(request, response, (req, res) -> {
            seen[0] = Correlation.current();
            mdc.putAll(MDC.getCopyOfContextMap());
        });

        assertThat(seen[0].correlationId()).isEqualTo("chain-7");
        assertThat(seen[0].traceparent()).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01").isNotEqualTo(TRACEPARENT);
        assertThat(mdc).containsEntry("correlationId", "chain-7").containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736")
                .containsEntry("traceparent", seen[0].traceparent()).containsKey("spanId");
        assertThat(response.getHeader(CorrelationFilter.HEADER)).isEqualTo("chain-7");
        assertThat(response.getHeader(CorrelationFilter.TRACE_ID_HEADER)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(MDC.get("traceId")).isNull();
    }

    @Test
    void withoutATraceparentANewTraceStarts() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Correlation[] seen = new Correlation[1];
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/anything");
        request.addHeader("traceparent", "garbage");
        new CorrelationFilter().doFilter(request, response, (req, res) -> seen[0] = Correlation.current());
        assertThat(seen[0].traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain("4bf92f35");
        assertThat(response.getHeader(CorrelationFilter.TRACE_ID_HEADER)).isEqualTo(seen[0].traceparent().substring(3, 35));
    }

    /** Boot's ECS format (what docker-compose selects) carries the correlation and trace ids the filter puts in the MDC. */
    @Test
    void ecsStructuredLogsCarryTheCorrelationAndTraceIds(CapturedOutput output) throws Exception {
        SpringApplication application = new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                .properties("logging.structured.format.console=ecs", "spring.main.banner-mode=off").build();
        try (ConfigurableApplicationContext context = application.run()) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/anything");
            request.addHeader("traceparent", TRACEPARENT);
            request.addHeader(CorrelationFilter.HEADER, "chain-ecs");
            new CorrelationFilter().doFilter(request, new MockHttpServletResponse(),
                    (req, res) -> LoggerFactory.getLogger(CorrelationFilterTest.class).info("handled in the chain"));
        }
        String line = output.getOut().lines().filter(l -> l.contains("handled in the chain")).findFirst().orElseThrow();
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.path("message").asString()).isEqualTo("handled in the chain");
        assertThat(json.path("correlationId").asString()).isEqualTo("chain-ecs");
        assertThat(json.path("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.path("traceparent").asString()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
