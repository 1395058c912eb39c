package org.saferkent.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthProbeTest {

    private HttpServer server;
    private volatile int status;
    private volatile String body;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void upMeansStatusUpWithHttp200() throws Exception {
        respond(200, "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");

        assertThat(new HealthProbe().check(healthUri()).isReady()).isTrue();
    }

    @Test
    void downIsNotReadyAndSaysWhy() throws Exception {
        respond(503, "{\"status\":\"DOWN\",\"components\":{\"mongo\":{\"status\":\"DOWN\"}}}");

        BoundedWait.Attempt<String> attempt = new HealthProbe().check(healthUri());

        assertThat(attempt.isReady()).isFalse();
        assertThat(attempt.reason()).contains("503").contains("mongo");
    }

    @Test
    void aComponentThatIsUpDoesNotMakeTheServiceUp() throws Exception {
        respond(200, "{\"components\":{\"diskSpace\":{\"status\":\"UP\"}},\"status\":\"OUT_OF_SERVICE\"}");

        assertThat(new HealthProbe().check(healthUri()).isReady()).isFalse();
    }

    @Test
    void nothingListeningIsNotReady() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + Ports.freePort() + "/actuator/health");

        assertThat(new HealthProbe().check(nowhere).isReady()).isFalse();
    }

    private void respond(int status, String body) {
        this.status = status;
        this.body = body;
    }

    private URI healthUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health");
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
