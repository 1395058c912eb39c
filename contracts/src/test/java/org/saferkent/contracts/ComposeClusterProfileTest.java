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
        Matcher site = Pattern.compile("(?m)^:(\\d+) \\{\\s+tls \\S+ \\S+\\s+reverse_proxy \\{\\s+dynamic a (\\S+) (\\d+)").matcher(caddyfile);
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

    private static final String TLS = "/etc/saferkent/tls/";

    /**
     * Encryption in transit (README, "Encryption in transit"): every container that listens or connects mounts its own
     * certificates from docker/tls/out (made by docker/tls/make-certs.sh, which makes one for each of these hosts);
     * every Kafka listener that leaves its container is SASL_SSL with a certificate; MongoDB requires TLS; every HTTP
     * server (the identity server, each service and its twin) serves its PEM bundle with a Secure session cookie; and
     * every client trusts the local CA: Kafka's, MongoDB's (tls=true, the JVM trust store), the issuer, the claim
     * check, ops-monitor's polls, the healthchecks and the proxy's upstreams.
     */
    @Test
    void everyListenerIsTlsAndEveryClientTrustsTheLocalCa() throws IOException {
        String script = Files.readString(REPO.resolve("docker/tls/make-certs.sh"));
        SERVICES.forEach((name, service) -> {
            if (name.equals("jaeger")) {
                return; // traces carry no personal data (README): the one plain HTTP link, inside the network
            }
            assertThat(list(map(service).get("volumes"))).as(name + " mounts its own certificates")
                    .contains("./docker/tls/out/" + name + ":" + TLS.substring(0, TLS.length() - 1) + ":ro");
            assertThat(script).as("make-certs.sh makes " + name + "'s certificate").containsPattern("[ (\n]" + Pattern.quote(name) + "[ )\n]");
            Map<String, Object> env = map(map(service).get("environment"));
            env.forEach((key, value) -> {
                String text = String.valueOf(value);
                assertThat(text).as(name + " " + key + " names no plain HTTP service")
                        .doesNotContainPattern("http://(identity|127\\.0\\.0\\.1|localhost|(cluster-)?(referrals|victims|restorative-justice|commissioning|ops-monitor|partnership))[:/]");
                if (text.contains("mongodb://")) {
                    assertThat(text).as(name + " " + key + " connects to MongoDB over TLS").contains("tls=true");
                }
                if (key.endsWith("SECURITY_PROTOCOL") || key.equals("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")) {
                    assertThat(text).as(name + " " + key).doesNotContain("SASL_PLAINTEXT");
                }
            });
            String health = String.valueOf(map(map(service).get("healthcheck")).get("test"));
            if (health.contains("curl")) {
                assertThat(health).as(name + " healthcheck").contains("--cacert " + TLS + "ca.crt", "https://127.0.0.1:").doesNotContain("http://");
            }
            if (health.contains("mongosh")) {
                assertThat(health).as(name + " healthcheck").contains("--tls --tlsCAFile " + TLS + "ca.crt");
            }
            if (health.contains("kafka-broker-api-versions")) {
                assertThat(health).as(name + " healthcheck").contains("security.protocol=SASL_SSL", "ssl.truststore.location=" + TLS + "ca.crt");
            }
            if (env.containsKey("SERVER_PORT")) {
                assertThat(env.get("SERVER_SSL_BUNDLE")).as(name + " serves HTTPS").isEqualTo("saferkent");
                assertThat(env.get("SPRING_SSL_BUNDLE_PEM_SAFERKENT_KEYSTORE_CERTIFICATE")).isEqualTo("file:" + TLS + "tls.crt");
                assertThat(env.get("SPRING_SSL_BUNDLE_PEM_SAFERKENT_KEYSTORE_PRIVATEKEY")).isEqualTo("file:" + TLS + "tls.key");
                assertThat(env.get("SERVER_SERVLET_SESSION_COOKIE_SECURE")).as(name + " session cookie").isEqualTo("true");
                assertThat(String.valueOf(env.get("JAVA_TOOL_OPTIONS"))).as(name + " JVM trusts the local CA")
                        .contains("-Djavax.net.ssl.trustStore=" + TLS + "truststore.p12");
            }
            if (env.containsKey("SPRING_KAFKA_SECURITY_PROTOCOL")) {
                assertThat(env.get("SPRING_KAFKA_SECURITY_PROTOCOL")).as(name + " Kafka").isEqualTo("SASL_SSL");
                assertThat(env.get("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE")).isEqualTo("PEM");
                assertThat(env.get("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION")).isEqualTo(TLS + "ca.crt");
            }
            if (env.containsKey("KAFKA_ADMIN_BOOTSTRAP")) {
                assertThat(env.get("KAFKA_ADMIN_SECURITY_PROTOCOL")).as(name + " Kafka admin").isEqualTo("SASL_SSL");
                assertThat(env.get("KAFKA_ADMIN_TRUSTSTORE")).isEqualTo(TLS + "ca.crt");
            }
            if (env.containsKey("KAFKA_LISTENERS")) {
                assertBrokerListenersAreTls(name, env);
            }
            String command = String.valueOf(map(service).get("entrypoint")) + map(service).get("command");
            if (command.contains("mongod ")) {
                assertThat(command).as(name + " mongod").contains("--tlsMode requireTLS", "--tlsCertificateKeyFile " + TLS + "tls.pem",
                        "--tlsCAFile " + TLS + "ca.crt");
            }
        });
        String identity = String.valueOf(map(map(SERVICES.get("identity")).get("environment")).get("SAFERKENT_IDENTITY_ISSUER"));
        assertThat(identity).startsWith("https://");
        for (String name : applicationServices()) {
            Map<String, Object> env = map(map(SERVICES.get(name)).get("environment"));
            assertThat(env.get("SAFERKENT_ISSUER_URI")).as(name + " issuer").isEqualTo(identity);
        }
        assertThat(String.valueOf(map(map(SERVICES.get("identity")).get("environment")).get("SAFERKENT_IDENTITY_WEB_REDIRECTURIS")))
                .as("the pages' sign-in returns over HTTPS").contains("https://127.0.0.1:8081/").doesNotContain("http://");
        String caddyfile = Files.readString(REPO.resolve("docker/proxy/Caddyfile"));
        int sites = Pattern.compile("(?m)^:\\d+ \\{").matcher(caddyfile).results().toList().size();
        assertThat(sites).isPositive();
        assertThat(Pattern.compile("(?m)^\\ttls " + TLS + "tls.crt " + TLS + "tls.key$").matcher(caddyfile).results().count())
                .as("every proxy port serves HTTPS").isEqualTo(sites);
        assertThat(Pattern.compile("transport http \\{\\s+tls\\s+tls_trusted_ca_certs " + TLS + "ca.crt\\s+tls_server_name cluster-")
                .matcher(caddyfile).results().count()).as("every upstream is HTTPS, checked against the CA").isEqualTo(sites);
    }

    /** Every listener of a broker that leaves its container is SASL_SSL, with the broker's certificate and the CA. */
    private static void assertBrokerListenersAreTls(String name, Map<String, Object> env) {
        Map<String, String> protocols = new HashMap<>();
        for (String entry : String.valueOf(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).split(",")) {
            String[] nameAndProtocol = entry.split(":");
            protocols.put(nameAndProtocol[0], nameAndProtocol[1]);
        }
        for (String listener : String.valueOf(env.get("KAFKA_LISTENERS")).split(",")) {
            String listenerName = listener.substring(0, listener.indexOf("://"));
            boolean loopbackOnly = listener.contains("://localhost:") || listener.contains("://127.0.0.1:");
            if (!loopbackOnly) {
                assertThat(protocols.get(listenerName)).as(name + " listener " + listenerName).isEqualTo("SASL_SSL");
            }
        }
        assertThat(env.get("KAFKA_SSL_KEYSTORE_TYPE")).as(name).isEqualTo("PEM");
        assertThat(env.get("KAFKA_SSL_KEYSTORE_LOCATION")).as(name).isEqualTo(TLS + "tls.pem");
        assertThat(env.get("KAFKA_SSL_TRUSTSTORE_TYPE")).as(name).isEqualTo("PEM");
        assertThat(env.get("KAFKA_SSL_TRUSTSTORE_LOCATION")).as(name).isEqualTo(TLS + "ca.crt");
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
