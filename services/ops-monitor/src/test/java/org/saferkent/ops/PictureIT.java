package org.saferkent.ops;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.EventTracing;
import org.saferkent.platform.messaging.ops.CircuitStateChanged;
import org.saferkent.platform.messaging.ops.ConsumerPaused;
import org.saferkent.platform.messaging.ops.ConsumerResumed;
import org.saferkent.platform.messaging.ops.OpsEvents;
import org.saferkent.platform.messaging.ops.OutboxBacklogCleared;
import org.saferkent.platform.messaging.ops.OutboxBacklogHigh;
import org.saferkent.platform.messaging.ops.SlaBreached;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.saferkent.ops.OpsFixtures.get;
import static org.saferkent.ops.OpsFixtures.getJson;

/** The picture kept from ops.events and the periodic measurements, and what every service serves. */
@OpsMonitorTest
class PictureIT {

    @LocalServerPort
    int port;
    @Autowired
    OpsEvents ops;

    @Autowired
    EventTracing tracing;

    @Test
    void servicesShowTheirHealthLifecycleAndBacklogFromThePlatformsOwnOpsEvents() {
        String api = "http://127.0.0.1:" + port + "/api/ops";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode self = service(getJson(api + "/services"), "ops-monitor");
            assertThat(self).isNotNull();
            assertThat(self.path("health").asString()).isEqualTo("UP");
            assertThat(self.path("components").path("mongo").asString()).isEqualTo("UP");
            assertThat(self.path("state").asString()).isEqualTo("STARTED"); // ops.ServiceStarted.v1, from the platform
            assertThat(self.path("backlog").asLong()).isZero();               // ops.ServiceHeartbeat.v1
            assertThat(self.path("lastSeen").asString()).isNotBlank();
            assertThat(service(getJson(api + "/services"), "nowhere").path("health").asString()).isEqualTo("UNREACHABLE");
        });
    }

    @Test
    void backlogCrossingsCircuitStatesAndBreachesAreKept() {
        String api = "http://127.0.0.1:" + port + "/api/ops";
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        ops.publish(service, new OutboxBacklogHigh(service, "i-1", 250, 100, Map.of("cases", 250L), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode s = service(getJson(api + "/services"), service);
            assertThat(s.path("backlogHigh").asBoolean()).isTrue();
            assertThat(s.path("backlog").asLong()).isEqualTo(250);
        });
        ops.publish(service, new OutboxBacklogCleared(service, "i-1", 10, 100, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode s = service(getJson(api + "/services"), service);
            assertThat(s.path("backlogHigh").asBoolean()).isFalse();
            assertThat(s.path("backlogHistory").valueStream().map(h -> h.path("value").asLong())).containsExactly(250L, 10L);
        });

        Instant opened = Instant.now();
        ops.publish(service + "/claim-check", new CircuitStateChanged(service, "i-1", "claim-check", "CLOSED", "OPEN", 75.0f, opened));
        ops.publish(service + "/claim-check", new CircuitStateChanged(service, "i-1", "claim-check", "OPEN", "HALF_OPEN", null,
                opened.plusSeconds(30)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(getJson(api + "/circuits").valueStream()
                .filter(c -> c.path("id").asString().equals(service + "/claim-check"))
                .map(c -> c.path("state").asString())).containsExactly("HALF_OPEN"));

        String subject = "vc-" + UUID.randomUUID();
        ops.publish(subject, new SlaBreached(service, "victims-code-first-contact", "victim-case", subject, "dover",
                Instant.now().minusSeconds(3600), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode picture = getJson(api + "/picture");
            assertThat(picture.path("breaches").path("latest").valueStream().map(b -> b.path("subject").asString())).contains(subject);
            assertThat(picture.path("breaches").path("byClock").path(service + " · victims-code-first-contact").asLong()).isEqualTo(1);
            assertThat(picture.path("circuits").valueStream().map(c -> c.path("circuit").asString())).contains("claim-check");
        });
    }

    @Test
    void aConsumerHeldUpByAnOutageIsShownUntilItResumes() {
        String api = "http://127.0.0.1:" + port + "/api/ops";
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "referrals.referral.events";
        String id = service + "/" + topic;
        Instant pausedAt = Instant.now();
        ops.publish(id, new ConsumerPaused(service, "i-1", service, topic, "com.mongodb.MongoSocketOpenException", pausedAt));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode consumer = consumer(getJson(api + "/picture").path("consumers"), id);
            assertThat(consumer).isNotNull();
            assertThat(consumer.path("state").asString()).isEqualTo("PAUSED");
            assertThat(consumer.path("reason").asString()).isEqualTo("com.mongodb.MongoSocketOpenException");
            assertThat(consumer.path("consumerGroup").asString()).isEqualTo(service);
        });

        ops.publish(id, new ConsumerResumed(service, "i-1", service, topic, pausedAt, pausedAt.plusSeconds(45), 45));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode consumer = consumer(getJson(api + "/consumers"), id);
            assertThat(consumer.path("state").asString()).isEqualTo("RESUMED");
            assertThat(consumer.path("resumedAt").asString()).isNotBlank();
        });
    }

    private static JsonNode consumer(JsonNode consumers, String id) {
        return consumers.valueStream().filter(c -> c.path("id").asString().equals(id)).findFirst().orElse(null);
    }

    @Test
    void opsEventsOfOneTraceAreFoundByItsTraceId() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String subject = "vc-" + UUID.randomUUID();
        // reported while handling an event of that trace: the ops event continues it
        EventMetadata cause = new EventMetadata(UUID.randomUUID().toString(), "victims.VictimCaseOpened.v1", "/saferkent/victims",
                subject, Instant.now(), "chain-" + subject, null, 1, "00-" + traceId + "-00f067aa0ba902b7-01");
        tracing.handle(cause, "victims.case.events", "test",
                () -> ops.publish(subject, new SlaBreached("victims", "victims-code-first-contact", "victim-case", subject, "dover",
                        Instant.now().minusSeconds(60), Instant.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode trace = getJson("http://127.0.0.1:" + port + "/api/ops/trace/" + traceId);
            assertThat(trace.path("events").valueStream().map(e -> e.path("subject").asString())).containsExactly(subject);
            assertThat(trace.path("events").get(0).path("correlationId").asString()).isEqualTo("chain-" + subject);
        });
    }

    @Test
    void thePageIsServedWithSecurityHeadersAndEveryServiceExposesPrometheusMetrics() throws Exception {
        HttpResponse<String> page = get("http://127.0.0.1:" + port + "/", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("SaferKent operations", "ops.js", "ops.css").doesNotContain("<script>", "style=");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(get("http://127.0.0.1:" + port + "/ops.js", "*/*").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> metrics = OpsFixtures.get("http://127.0.0.1:" + port + "/actuator/prometheus", "text/plain");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("saferkent_outbox_published_total", "saferkent_outbox_backlog",
                    "saferkent_messaging_processed_total{", "topic=\"ops.events\"");
        });
    }

    private static JsonNode service(JsonNode services, String name) {
        for (JsonNode s : services) {
            if (name.equals(s.path("service").asString())) {
                return s;
            }
        }
        return null;
    }
}
