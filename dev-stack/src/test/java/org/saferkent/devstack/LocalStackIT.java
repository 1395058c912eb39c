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
            // tokens name the services they are for: operations' token is for every service, an agency's for referrals only
            for (ServiceHost service : services) {
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(service.baseUri().resolve("/actuator/metrics"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.statusCode()).as(service.service().serviceName()).isEqualTo(200);
            }
            String agency = Tokens.requestToken(stack.identity().tokenUri(), "agency-dover-dc", "agency-dover-dc-local-secret");
            HttpResponse<String> notForOps = http.send(HttpRequest.newBuilder(ops.baseUri().resolve("/api/ops/picture"))
                    .header("Authorization", "Bearer " + agency).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(notForOps.statusCode()).as("an agency's token at ops-monitor").isEqualTo(401);
        }

        assertThat(ProcessHandle.of(brokerPid).filter(ProcessHandle::isAlive)).isEmpty();
    }
}
