package org.saferkent.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.saferkent.ops.stream.OpsStream;
import org.saferkent.platform.messaging.ops.OpsEvents;
import org.saferkent.platform.messaging.ops.SlaBreached;
import org.saferkent.platform.test.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@OpsMonitorTest
class LiveStreamIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;
    @Autowired
    OpsEvents ops;
    @Autowired
    OpsStream stream;

    @Test
    void aSubscriberGetsOnlyTheServiceAndKindItAskedForAndIsDroppedWhenItGoesAway() throws Exception {
        int before = stream.subscribers();
        HttpResponse<Stream<String>> response = open("?service=victims&kind=SlaBreached");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(":connected"));

        String otherService = "other-" + UUID.randomUUID();
        String otherKind = "kind-" + UUID.randomUUID();
        String wanted = "wanted-" + UUID.randomUUID();
        ops.publish(otherService, breach("referrals", otherService));
        ops.publish(otherKind, new org.saferkent.platform.messaging.ops.ServiceStarted("victims", otherKind, Instant.now()));
        ops.publish(wanted, breach("victims", wanted));

        await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(line -> line.contains(wanted)));
        assertThat(lines).noneMatch(line -> line.contains(otherService) || line.contains(otherKind));
        String data = lines.stream().filter(line -> line.contains(wanted)).findFirst().orElseThrow();
        assertThat(data).startsWith("data:").contains("\"kind\":\"SlaBreached\"", "\"service\":\"victims\"",
                "\"type\":\"ops.SlaBreached.v1\"");
        assertThat(lines).contains("event:ops");

        response.body().close();
        // the next heartbeat finds the connection gone and drops the emitter
        await().atMost(Duration.ofSeconds(30)).until(() -> stream.subscribers() <= before);
    }

    @Test
    void theStreamTakesABoundedNumberOfSubscribers() throws Exception {
        List<HttpResponse<Stream<String>>> opened = new ArrayList<>();
        try {
            HttpResponse<Stream<String>> refused = null;
            for (int i = 0; i < 10 && refused == null; i++) {
                HttpResponse<Stream<String>> response = open("");
                if (response.statusCode() == 503) {
                    refused = response;
                } else {
                    assertThat(response.statusCode()).isEqualTo(200);
                    opened.add(response);
                }
            }
            assertThat(refused).as("a subscriber beyond the limit is refused").isNotNull();
            assertThat(opened.size()).isLessThanOrEqualTo(6);
            assertThat(refused.headers().firstValue("Retry-After")).contains("30");
            refused.body().close();
        } finally {
            opened.forEach(response -> response.body().close());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stream.subscribers() == 0);
    }

    @Test
    void aFilterThatIsNotANameIsRefused() throws Exception {
        HttpResponse<Stream<String>> response = open("?kind=%3Cscript%3E");
        assertThat(response.statusCode()).isEqualTo(422);
        response.body().close();
    }

    private HttpResponse<Stream<String>> open(String query) throws Exception {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ops/stream" + query))
                .header("Accept", "text/event-stream").header("Authorization", Tokens.bearer(OpsFixtures.OPS)).GET().build(),
                HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
    }

    private static SlaBreached breach(String service, String subject) {
        return new SlaBreached(service, "victims-code-first-contact", "victim-case", subject, "thanet",
                Instant.now().minusSeconds(60), Instant.now());
    }
}
