package org.saferkent.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.messaging.ops.OpsEvents;
import org.saferkent.platform.messaging.ops.SlaBreached;
import org.saferkent.platform.service.security.AuditEntry;
import org.saferkent.platform.service.security.AuditQuery;
import org.saferkent.platform.service.security.PersonalDataAudit;
import org.saferkent.platform.test.SecuredApi;
import org.saferkent.platform.test.Tokens;
import org.saferkent.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Pausing a consumer during an incident, through real HTTP with real tokens on the real broker: the test
 * consumer ({@link TestWidgets}, a binding of this service) is paused through {@code /actuator/bindings}
 * with an ops.write token, reads nothing while paused (while the service's other consumer goes on), and
 * reads what waited once resumed; each change is audited under the caller's name. ops.read alone reads
 * the bindings and the binder's health details but may not change a binding. The same through
 * ops-monitor's own API, which asks each service with the caller's token.
 */
@OpsMonitorTest
class BindingsIT {

    private static final String WIDGETS = "widgetSubscription-in-0";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PersonalDataAudit audit;
    @Autowired
    OpsEvents ops;

    @AfterEach
    void widgetsRunAgain() {
        // the context is shared with the other tests: never leave the test consumer paused
        SecuredApi.at(port).as(OpsFixtures.OPS).post("/actuator/bindings/" + WIDGETS, "{\"state\":\"RESUMED\"}");
    }

    @Test
    void aPausedConsumerReadsNothingUntilResumedAndEachChangeIsAuditedByName() throws Exception {
        Instant began = Instant.now();
        SecuredApi operations = SecuredApi.at(port).as(OpsFixtures.OPS);
        assertThat(binding(operations, WIDGETS).path("state").asString()).isEqualTo("running");

        HttpResponse<String> paused = operations.post("/actuator/bindings/" + WIDGETS, "{\"state\":\"PAUSED\"}");
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        assertThat(binding(operations, WIDGETS).path("state").asString()).isEqualTo("paused");
        // the binder's listener container has stopped fetching (the binder's health, in the details ops.read sees)
        await().atMost(Duration.ofSeconds(30)).until(() -> widgetContainer(operations).path("isPaused").asBoolean(false));

        String widgetId = "w-" + UUID.randomUUID();
        TopicRecords.send(OpsFixtures.widget(UUID.randomUUID().toString(), widgetId,
                "{\"widgetId\":\"" + widgetId + "\",\"colour\":\"teal\"}"));
        // the service's other consumer goes on reading: an ops event published after the widget is recorded...
        String subject = "vc-" + UUID.randomUUID();
        ops.publish(subject, new SlaBreached("victims", "victims-code-first-contact", "victim-case", subject, "thanet",
                Instant.now().minusSeconds(60), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> OpsFixtures.get(api("/events?type=ops.SlaBreached.v1&limit=500"))
                .body().contains(subject));
        // ... while the paused one has not read the widget, and does not for a while
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> processed(widgetId) == 0);

        HttpResponse<String> resumed = operations.post("/actuator/bindings/" + WIDGETS, "{\"state\":\"RESUMED\"}");
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        assertThat(binding(operations, WIDGETS).path("state").asString()).isEqualTo("running");
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(widgetId) == 1);

        List<AuditEntry> changes = changesSince(began);
        assertThat(changes).extracting(AuditEntry::action, AuditEntry::subject, AuditEntry::reason, AuditEntry::service)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("resume-binding", OpsFixtures.OPS, "running", "ops-monitor"),
                        org.assertj.core.groups.Tuple.tuple("pause-binding", OpsFixtures.OPS, "paused", "ops-monitor"));
    }

    @Test
    void opsReadAloneSeesTheBindingsAndTheBindersHealthButMayNotPauseOne() {
        Instant began = Instant.now();
        SecuredApi reader = SecuredApi.at(port).withAuthorization("Bearer " + opsReadOnlyToken());
        assertThat(binding(reader, WIDGETS).path("name").asString()).isEqualTo(TestWidgets.TOPIC);
        assertThat(binding(reader, WIDGETS).path("group").asString()).isEqualTo("ops-monitor");

        HttpResponse<String> refused = reader.post("/actuator/bindings/" + WIDGETS, "{\"state\":\"PAUSED\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":403");
        assertThat(binding(reader, WIDGETS).path("state").asString()).isEqualTo("running");
        assertThat(changesSince(began)).isEmpty();
        assertThat(audit.find(new AuditQuery(null, null, PersonalDataAudit.DENIED, null, began, null, 50)))
                .anySatisfy(denied -> assertThat(denied.resource()).isEqualTo("POST /actuator/bindings/" + WIDGETS));

        // the binder's health: its details for ops.read, only its status for anybody
        assertThat(widgetContainer(reader).path("groupId").asString()).isEqualTo("ops-monitor");
        JsonNode anonymousHealth = json(SecuredApi.at(port).anonymous().get("/actuator/health"));
        assertThat(anonymousHealth.path("components").path("binders").path("status").asString()).isEqualTo("UP");
        assertThat(anonymousHealth.toString()).doesNotContain("listenerContainers", TestWidgets.TOPIC);

        assertThat(SecuredApi.at(port).anonymous().get("/actuator/bindings").statusCode()).isEqualTo(401);
        assertThat(SecuredApi.at(port).as("dpo").get("/actuator/bindings").statusCode()).isEqualTo(403);
        assertThat(SecuredApi.at(port).as("pcc-office").get("/actuator/bindings").statusCode()).as("a token for commissioning")
                .isEqualTo(401);
        SecuredApi operations = SecuredApi.at(port).as(OpsFixtures.OPS);
        HttpResponse<String> unknown = operations.post("/actuator/bindings/noSuchBinding-in-0", "{\"state\":\"PAUSED\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("\"status\":404", "No such binding");
        assertThat(operations.post("/actuator/bindings/" + WIDGETS, "{}").statusCode()).isEqualTo(400);
        assertThat(changesSince(began)).isEmpty();
    }

    @Test
    void opsMonitorListsEveryServicesBindingsAndChangesOneWithTheCallersOwnToken() throws Exception {
        Instant began = Instant.now();
        SecuredApi operations = SecuredApi.at(port).as(OpsFixtures.OPS);
        JsonNode services = json(operations.get("/api/ops/bindings"));
        JsonNode self = service(services, "ops-monitor");
        assertThat(self.path("status").asString()).isEqualTo("ok");
        JsonNode widgets = null;
        for (JsonNode binding : self.path("bindings")) {
            if (WIDGETS.equals(binding.path("name").asString())) {
                widgets = binding;
            }
        }
        assertThat(widgets).as("the test consumer's binding").isNotNull();
        assertThat(widgets.path("destination").asString()).isEqualTo(TestWidgets.TOPIC);
        assertThat(widgets.path("group").asString()).isEqualTo("ops-monitor");
        assertThat(widgets.path("state").asString()).isEqualTo("running");
        // a service that does not answer is shown as such, not as a failure of the whole list
        assertThat(service(services, "nowhere").path("status").asString()).isEqualTo("unreachable");

        String path = "/api/ops/bindings/ops-monitor/" + WIDGETS;
        SecuredApi reader = SecuredApi.at(port).withAuthorization("Bearer " + opsReadOnlyToken());
        assertThat(reader.post(path, "{\"state\":\"PAUSED\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = operations.post(path, "{\"state\":\"STOPPED\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("\"field\":\"state\"");
        assertThat(operations.post("/api/ops/bindings/nowhere-known/" + WIDGETS, "{\"state\":\"PAUSED\"}").statusCode()).isEqualTo(404);
        assertThat(operations.post("/api/ops/bindings/nowhere/" + WIDGETS, "{\"state\":\"PAUSED\"}").statusCode()).isEqualTo(503);

        HttpResponse<String> paused = operations.post(path, "{\"state\":\"PAUSED\"}");
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        assertThat(json(paused).path("binding").path("state").asString()).isEqualTo("paused");
        assertThat(binding(operations, WIDGETS).path("state").asString()).isEqualTo("paused");
        HttpResponse<String> resumed = operations.post(path, "{\"state\":\"RESUMED\"}");
        assertThat(json(resumed).path("binding").path("state").asString()).isEqualTo("running");

        // the service audited the caller, whose own token ops-monitor relayed
        assertThat(changesSince(began)).extracting(AuditEntry::action, AuditEntry::subject)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("resume-binding", OpsFixtures.OPS),
                        org.assertj.core.groups.Tuple.tuple("pause-binding", OpsFixtures.OPS));
    }

    private String api(String path) {
        return "http://127.0.0.1:" + port + "/api/ops" + path;
    }

    /** One binding as {@code /actuator/bindings} lists it. */
    private static JsonNode binding(SecuredApi as, String name) {
        for (JsonNode binding : json(as.get("/actuator/bindings"))) {
            if (name.equals(binding.path("bindingName").asString())) {
                return binding;
            }
        }
        throw new AssertionError("no binding " + name);
    }

    /** The test consumer's listener container in the binder's health details. */
    private static JsonNode widgetContainer(SecuredApi as) {
        JsonNode containers = json(as.get("/actuator/health")).path("components").path("binders").findValue("listenerContainers");
        assertThat(containers).as("the binder's listener containers in the health details").isNotNull();
        for (JsonNode container : containers) {
            if (container.path("listenerId").asString().contains(TestWidgets.TOPIC)) {
                return container;
            }
        }
        throw new AssertionError("no listener container of " + TestWidgets.TOPIC + " in " + containers);
    }

    private static JsonNode service(JsonNode services, String name) {
        for (JsonNode service : services) {
            if (name.equals(service.path("service").asString())) {
                return service;
            }
        }
        throw new AssertionError("no service " + name + " in " + services);
    }

    private List<AuditEntry> changesSince(Instant began) {
        return audit.find(new AuditQuery(null, WIDGETS, null, null, began, null, 50)).stream()
                .filter(entry -> entry.action().endsWith("-binding")).toList();
    }

    private long processed(String widgetId) {
        Document doc = mongo.getCollection(TestWidgets.COLLECTION).find(new Document("_id", widgetId)).first();
        return doc == null ? 0 : ((Number) doc.get("processed")).longValue();
    }

    /** The operations client's token with ops.read only. */
    private static String opsReadOnlyToken() {
        HttpResponse<String> response = Tokens.requestToken("ops", Tokens.secretOf("ops"), "ops.read");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode token = OpsFixtures.JSON.readTree(response.body());
        assertThat(token.path("scope").asString()).isEqualTo("ops.read");
        return token.path("access_token").asString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return OpsFixtures.JSON.readTree(response.body());
    }
}
