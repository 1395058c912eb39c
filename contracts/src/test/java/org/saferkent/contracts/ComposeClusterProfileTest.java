package org.saferkent.contracts;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml's cluster profile (README, "Past one machine"), read as YAML (no Docker here): every
 * service of the default stack has a twin of two instances in the profile, publishing no port, with
 * liveness and readiness in its healthcheck and a stop period longer than a graceful shutdown phase;
 * three brokers in one quorum; the proxy the only published entry point, routing each port to a service;
 * and the default stack as it was: no profile, every published port on 127.0.0.1, none published twice.
 */
class ComposeClusterProfileTest {

    private static final Path REPO = ContractFiles.root().getParent();
    private static final Map<String, Object> COMPOSE = read(REPO.resolve("docker-compose.yml"));
    private static final Map<String, Object> SERVICES = map(COMPOSE.get("services"));
    private static final int SHUTDOWN_PHASE_SECONDS = 30;

    @Test
    void everyPublishedPortIsOnLoopbackAndNoneIsPublishedTwice() {
        Set<String> hostPorts = new TreeSet<>();
        SERVICES.forEach((name, service) -> {
            for (Object port : list(map(service).get("ports"))) {
                String mapping = String.valueOf(port);
                assertThat(mapping).as(name + " port").startsWith("127.0.0.1:");
                String hostPort = mapping.split(":")[1];
                assertThat(hostPorts.add(hostPort)).as(name + " publishes " + hostPort + ", already published").isTrue();
            }
        });
    }

    @Test
    void theDefaultStackHasNoProfileAndEveryApplicationServiceATwinOfTwoInstancesInTheCluster() {
        List<String> applications = applicationServices();
        assertThat(applications).isNotEmpty();
        for (String name : applications) {
            Map<String, Object> twin = map(SERVICES.get("cluster-" + name));
            assertThat(twin).as("cluster-" + name).isNotEmpty();
            assertThat(list(twin.get("profiles"))).as("cluster-" + name + " profiles").containsExactly("cluster");
            assertThat(twin.get("image")).as("cluster-" + name + " image").isEqualTo(map(SERVICES.get(name)).get("image"));
            assertThat((Integer) map(twin.get("deploy")).get("replicas")).as("cluster-" + name + " replicas").isGreaterThanOrEqualTo(2);
            assertThat(twin.get("ports")).as("cluster-" + name + " publishes no port (the proxy does)").isNull();
            assertThat(seconds(twin.get("stop_grace_period"))).as("cluster-" + name + " stop_grace_period")
                    .isGreaterThan(SHUTDOWN_PHASE_SECONDS);
            String health = String.valueOf(map(twin.get("healthcheck")).get("test"));
            assertThat(health).as("cluster-" + name + " healthcheck")
                    .contains("/actuator/health/liveness").contains("/actuator/health/readiness");
            Map<String, Object> env = map(twin.get("environment"));
            assertThat(env.keySet()).as("cluster-" + name + " is configured as " + name + " is")
                    .containsAll(map(map(SERVICES.get(name)).get("environment")).keySet());
            assertThat(env.get("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED")).as("cluster-" + name + " probes").isEqualTo("true");
            assertThat(String.valueOf(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))).as("cluster-" + name + " brokers")
                    .isEqualTo("cluster-kafka-1:9092,cluster-kafka-2:9092,cluster-kafka-3:9092");
            assertThat(String.valueOf(env.get("SPRING_MONGODB_URI"))).as("cluster-" + name + " replica set")
                    .contains("@cluster-mongo-1:27017,cluster-mongo-2:27017,cluster-mongo-3:27017/");
            assertThat(String.valueOf(env.get("SAFERKENT_KAFKA_REPLICATIONFACTOR"))).as("cluster-" + name + " replication factor")
                    .isEqualTo("${CLUSTER_KAFKA_REPLICATION_FACTOR:-3}");
        }
        SERVICES.forEach((name, service) -> {
            if (!name.startsWith("cluster-")) {
                assertThat(map(service).get("profiles")).as(name + " is in the default stack").isNull();
            }
        });
    }

    @Test
    void threeBrokersFormOneQuorumAndTheirTopicsHaveThreeReplicasTwoInSync() {
        Set<Object> nodeIds = new TreeSet<>();
        for (int n = 1; n <= 3; n++) {
            Map<String, Object> env = map(map(SERVICES.get("cluster-kafka-" + n)).get("environment"));
            nodeIds.add(env.get("KAFKA_NODE_ID"));
            assertThat(String.valueOf(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))).as("cluster-kafka-" + n + " voters")
                    .isEqualTo("1@cluster-kafka-1:9093,2@cluster-kafka-2:9093,3@cluster-kafka-3:9093");
            assertThat(String.valueOf(env.get("KAFKA_SUPER_USERS"))).as("cluster-kafka-" + n + " super users").isEqualTo("User:admin");
        }
        assertThat(nodeIds).containsExactly(1, 2, 3);
        Map<String, Object> init = map(map(SERVICES.get("cluster-kafka-init")).get("environment"));
        assertThat(init.keySet()).as("cluster-kafka-init: every principal kafka-init creates")
                .containsAll(map(map(SERVICES.get("kafka-init")).get("environment")).keySet());
        assertThat(map(map(SERVICES.get("cluster-mongo-1")).get("environment")).keySet()).as("cluster-mongo-1: every user mongodb creates")
                .containsAll(map(map(SERVICES.get("mongodb")).get("environment")).keySet());
        assertThat(init.get("SAFERKENT_KAFKA_REPLICATION_FACTOR")).isEqualTo("${CLUSTER_KAFKA_REPLICATION_FACTOR:-3}");
        assertThat(init.get("SAFERKENT_KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo("${CLUSTER_KAFKA_MIN_INSYNC_REPLICAS:-2}");
        String initiate = String.valueOf(map(map(SERVICES.get("cluster-mongo-1")).get("healthcheck")).get("test"));
        assertThat(initiate).contains("cluster-mongo-1:27017", "cluster-mongo-2:27017", "cluster-mongo-3:27017");
    }

    @Test
    void theProxyIsTheOneEntryPointAndRoutesEachOfItsPortsToAClusterService() throws IOException {
        SERVICES.forEach((name, service) -> {
            if (name.startsWith("cluster-") && !name.equals("cluster-proxy")) {
                assertThat(map(service).get("ports")).as(name + " publishes no port").isNull();
            }
        });
        String caddyfile = Files.readString(REPO.resolve("docker/proxy/Caddyfile"));
        Map<String, String> routes = new HashMap<>();
        Matcher site = Pattern.compile("(?m)^:(\\d+) \\{\\s+reverse_proxy \\{\\s+dynamic a (\\S+) (\\d+)").matcher(caddyfile);
        while (site.find()) {
            routes.put(site.group(1), site.group(2) + ":" + site.group(3));
        }
        Map<String, Object> proxy = map(SERVICES.get("cluster-proxy"));
        for (String name : applicationServices()) {
            String port = String.valueOf(map(map(SERVICES.get("cluster-" + name)).get("environment")).get("SERVER_PORT"));
            String hostPort = "1" + port;
            assertThat(routes.get(hostPort)).as("Caddyfile :" + hostPort).isEqualTo("cluster-" + name + ":" + port);
            assertThat(list(proxy.get("ports"))).as("cluster-proxy publishes " + hostPort).contains("127.0.0.1:" + hostPort + ":" + hostPort);
            assertThat(map(proxy.get("depends_on"))).as("cluster-proxy waits for cluster-" + name).containsKey("cluster-" + name);
        }
    }

    /** the services running the image of a module under services/ (the default stack's application services) */
    private static List<String> applicationServices() {
        List<String> names = new ArrayList<>();
        SERVICES.forEach((name, service) -> {
            Matcher image = Pattern.compile("saferkent/([a-z-]+):.+").matcher(String.valueOf(map(service).get("image")));
            if (!name.startsWith("cluster-") && image.matches()
                    && Files.isDirectory(REPO.resolve("services").resolve(image.group(1)))) {
                names.add(name);
            }
        });
        return names;
    }

    private static int seconds(Object duration) {
        String text = String.valueOf(duration);
        assertThat(text).as("a duration in seconds").matches("\\d+s");
        return Integer.parseInt(text.substring(0, text.length() - 1));
    }

    private static Map<String, Object> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
