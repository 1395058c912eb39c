package org.saferkent.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.messaging.ops.OpsEvents;
import org.saferkent.platform.messaging.ops.ServiceHeartbeat;
import org.saferkent.platform.messaging.ops.ServiceStarted;
import org.saferkent.platform.messaging.ops.ServiceStopping;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.RealInfrastructureInitializer;
import org.saferkent.platform.test.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of ops-monitor in one consumer group, as behind a load balancer: each holds some of
 * ops.events' partitions, yet a browser sees the same live stream and the same picture whichever
 * instance it reaches, and one instance of a service stopping does not hide another that runs.
 */
@OpsMonitorTest
class TwoInstancesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;
    @Autowired
    OpsEvents ops;
    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void startASecondInstance() {
        List<String> args = new ArrayList<>();
        for (String property : OpsMonitorTest.class.getAnnotation(SpringBootTest.class).properties()) {
            args.add("--" + property);
        }
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        second = new SpringApplicationBuilder(OpsMonitorApplication.class, TestWidgets.class)
                .initializers(new RealInfrastructureInitializer())
                .run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stopIt() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void eachInstanceStreamsEveryEventAndTheStoredPictureHasEachOnce() throws Exception {
        int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
        awaitGroupSplitAcrossBothInstances();
        List<HttpResponse<Stream<String>>> opened = new ArrayList<>();
        try {
            List<String> first = subscribe(port, opened);
            List<String> other = subscribe(secondPort, opened);
            streamsAndStores(first, other, secondPort);
        } finally {
            opened.forEach(response -> response.body().close()); // other tests count this instance's subscribers
        }
    }

    private void streamsAndStores(List<String> first, List<String> other, int secondPort) throws Exception {

        List<String> services = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // twelve keys: every one of the three partitions gets some
            String service = "svc-" + UUID.randomUUID();
            services.add(service);
            ops.publish(service, new ServiceHeartbeat(service, "i-" + i, i, false, i, Instant.now()));
        }

        for (List<String> lines : List.of(first, other)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> services.stream().allMatch(s -> lines.stream().anyMatch(l -> l.contains(s))));
        }
        // the stored picture: every service once, whichever instance handled its partition
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("_id").in(services)),
                "service_status") == services.size());
        // and the backlog history is the same on both (kept in memory by each instance)
        for (int p : List.of(port, secondPort)) {
            JsonNode all = get(p, "/api/ops/services");
            for (String service : services) {
                JsonNode view = find(all, service);
                assertThat(view).as(service + " on " + p).isNotNull();
                assertThat(view.path("backlogHistory").size()).as(service + " history on " + p).isEqualTo(1);
            }
        }
    }

    @Test
    void oneInstanceOfAServiceStoppingDoesNotHideAnotherThatRuns() throws Exception {
        String service = "svc-" + UUID.randomUUID();
        ops.publish(service, new ServiceStarted(service, "host-a.1", Instant.now()));
        ops.publish(service, new ServiceStarted(service, "host-b.2", Instant.now()));
        awaitState(service, "STARTED", 2);

        ops.publish(service, new ServiceStopping(service, "host-a.1", Instant.now(), 60));
        awaitState(service, "STARTED", 1);
        // a late report of the stopped instance's start changes nothing
        ops.publish(service, new ServiceStarted(service, "host-a.1", Instant.now().minusSeconds(3600)));

        ops.publish(service, new ServiceStopping(service, "host-b.2", Instant.now(), 60));
        awaitState(service, "STOPPING", 0);
    }

    private void awaitState(String service, String state, int running) {
        int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int p : List.of(port, secondPort)) {
                JsonNode view = find(get(p, "/api/ops/services"), service);
                assertThat(view).as("on " + p).isNotNull();
                assertThat(view.path("state").asString()).as("on " + p).isEqualTo(state);
                assertThat(view.path("running").asInt()).as("on " + p).isEqualTo(running);
            }
        });
    }

    /** Both instances are members of ops-monitor's group, each holding some of ops.events' partitions. */
    private static void awaitGroupSplitAcrossBothInstances() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("ops-monitor")).all()
                        .get(10, TimeUnit.SECONDS).get("ops-monitor");
                return group.members().stream().filter(member -> member.assignment().topicPartitions().stream()
                        .anyMatch(partition -> "ops.events".equals(partition.topic()))).count() == 2;
            });
        }
    }

    private static JsonNode find(JsonNode services, String name) {
        for (JsonNode service : services) {
            if (name.equals(service.path("service").asString())) {
                return service;
            }
        }
        return null;
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", Tokens.bearer(OpsFixtures.OPS)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> subscribe(int port, List<HttpResponse<Stream<String>>> opened) throws Exception {
        HttpResponse<Stream<String>> response = HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ops/stream"))
                .header("Accept", "text/event-stream").header("Authorization", Tokens.bearer(OpsFixtures.OPS)).GET().build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        opened.add(response);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // closed with the test
            }
        }, "sse-reader-" + port);
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(":connected"));
        return lines;
    }
}
