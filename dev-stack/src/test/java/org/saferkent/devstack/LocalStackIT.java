package org.saferkent.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.saferkent.platform.test.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What run-local.sh does, on ephemeral ports in a temporary data directory: the broker process, the
 * MongoDB server and every service start, every service answers UP over HTTP, and closing the stack
 * leaves no broker process behind.
 */
class LocalStackIT {

    @TempDir
    Path dataDir;

    @Test
    void startsEveryServiceHealthyAndStopsEverything() throws Exception {
        LocalStackOptions options = LocalStackOptions.builder().dataDir(dataDir).ephemeralPorts().build();
        HttpClient http = HttpClient.newHttpClient();
        long brokerPid;

        try (LocalStack stack = LocalStack.started(options)) {
            brokerPid = stack.kafka().pid();
            List<ServiceHost> services = stack.services();

            assertThat(services).extracting(ServiceHost::service).containsExactly(SaferKentService.values());
            for (ServiceHost service : services) {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(service.healthUri()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(service.service().serviceName()).isEqualTo(200);
                assertThat(health.body()).as(service.service().serviceName()).contains("\"status\":\"UP\"");
            }
            assertThat(stack.mongo().file()).exists();
            // the identity server started first; every service trusts its tokens and refuses requests without one
            String token = Tokens.requestToken(stack.identity().tokenUri(), "ops", "ops-local-secret");
            ServiceHost ops = stack.service(SaferKentService.OPS_MONITOR);
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(ops.baseUri().resolve("/api/ops/picture")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            HttpResponse<String> picture = http.send(HttpRequest.newBuilder(ops.baseUri().resolve("/api/ops/picture"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(picture.statusCode()).as(picture.body()).isEqualTo(200);
        }

        assertThat(ProcessHandle.of(brokerPid).filter(ProcessHandle::isAlive)).isEmpty();
    }
}
