package org.saferkent.platform.brokersecurity;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One in-JVM KRaft node (broker and controller) configured as docker-compose.yml's {@code kafka} service:
 * its {@code KAFKA_*} environment is read from the compose file and turned into broker properties the way
 * the apache/kafka image does ({@code KAFKA_SASL_ENABLED_MECHANISMS} becomes {@code sasl.enabled.mechanisms}),
 * so the listeners' protocols and mechanisms, the StandardAuthorizer, the super users and
 * {@code allow.everyone.if.no.acl.found=false} are the compose file's own. Only what names the container
 * is replaced: the listeners bind to ephemeral ports on localhost, the quorum and the log directories are
 * the test kit's, and the JAAS file the compose command writes (PLAIN for the admin, SCRAM for services)
 * becomes the equivalent per-listener {@code sasl.jaas.config}. The certificates the compose file mounts at
 * {@value #CONTAINER_TLS} are made by the compose stack's own {@code docker/tls/make-certs.sh} into a temporary
 * directory ({@link #tls(String)}), so the listeners are SASL_SSL with a certificate from that script's CA, and
 * every client here trusts that CA as compose's do. Started once per test JVM, on first use.
 */
final class ProductionBroker {

    static final String BROKER = "BROKER";
    static final String INTERNAL = "INTERNAL";
    static final String CONTROLLER = "CONTROLLER";

    /** Where docker-compose.yml mounts a container's certificate, key and the CA ({@code docker/tls/out/<host>}). */
    static final String CONTAINER_TLS = "/etc/saferkent/tls";
    /** The hosts whose certificates the tests need: the broker, and the service started as compose starts it. */
    private static final List<String> TLS_HOSTS = List.of("kafka", "restorative-justice", "victims");

    private static volatile ProductionBroker instance;
    private static volatile Path tls;

    private final KafkaClusterTestKit cluster;
    private final String adminPassword;

    private ProductionBroker(KafkaClusterTestKit cluster, String adminPassword) {
        this.cluster = cluster;
        this.adminPassword = adminPassword;
    }

    static ProductionBroker get() {
        ProductionBroker current = instance;
        if (current == null) {
            synchronized (ProductionBroker.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    /** The repository's root (the directory holding docker-compose.yml), found from the module's directory. */
    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /**
     * This JVM's copy of {@code docker/tls/out/<host>} (made once, by {@code docker/tls/make-certs.sh}): the host's
     * {@code tls.crt}, {@code tls.key}, {@code tls.pem}, {@code truststore.p12} and the CA's {@code ca.crt}.
     */
    static Path tls(String host) {
        Path current = tls;
        if (current == null) {
            synchronized (ProductionBroker.class) {
                current = tls;
                if (current == null) {
                    current = makeCertificates();
                    tls = current;
                }
            }
        }
        return current.resolve(host);
    }

    private static Path makeCertificates() {
        try {
            Path dir = Files.createTempDirectory("saferkent-tls");
            List<String> command = new ArrayList<>(List.of("bash", repository().resolve("docker/tls/make-certs.sh").toString(),
                    dir.resolve("out").toString()));
            command.addAll(TLS_HOSTS);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            // this JVM's keytool, whatever the PATH holds
            builder.environment().put("KEYTOOL", Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
            Process script = builder.start();
            String output = new String(script.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!script.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || script.exitValue() != 0) {
                throw new IllegalStateException("docker/tls/make-certs.sh failed:\n" + output);
            }
            return dir.resolve("out");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A compose value naming the container's certificates ({@value #CONTAINER_TLS}) made to name this JVM's copy of the host's. */
    static String local(String value, String host) {
        return value.replace(CONTAINER_TLS, tls(host).toString());
    }

    /**
     * A client's TLS as compose gives the services theirs (the services' {@code SPRING_KAFKA_PROPERTIES_SSL_*}):
     * SASL_SSL, trusting the CA.
     */
    static void trustTheCa(java.util.Properties props) {
        Map<String, String> compose = composeEnvironment("victims");
        props.put("security.protocol", compose.get("SPRING_KAFKA_SECURITY_PROTOCOL"));
        props.put("ssl.truststore.type", compose.get("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE"));
        props.put("ssl.truststore.location", local(compose.get("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION"), "victims"));
    }

    /** The {@code environment} of one service of docker-compose.yml, as strings. */
    @SuppressWarnings("unchecked")
    static Map<String, String> composeEnvironment(String service) {
        try (Reader reader = Files.newBufferedReader(repository().resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            Map<String, Object> services = (Map<String, Object>) compose.get("services");
            Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get(service)).get("environment");
            Map<String, String> result = new LinkedHashMap<>();
            environment.forEach((key, value) -> result.put(key, String.valueOf(value)));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The broker properties the apache/kafka image derives from {@code KAFKA_*} variables: prefix dropped,
     * {@code ___} to {@code -}, {@code __} to {@code _}, {@code _} to {@code .}, lower case. The JVM's
     * options ({@code KAFKA_OPTS}, ...) are not properties.
     */
    static Map<String, String> brokerProperties(Map<String, String> environment) {
        Map<String, String> properties = new LinkedHashMap<>();
        environment.forEach((key, value) -> {
            if (key.startsWith("KAFKA_") && !key.endsWith("_OPTS")) {
                String name = key.substring("KAFKA_".length()).replace("___", "-").replace("__", "\u0000")
                        .replace('_', '.').replace('\u0000', '_').toLowerCase();
                properties.put(name, value);
            }
        });
        return properties;
    }

    private static ProductionBroker start() {
        Map<String, String> compose = brokerProperties(composeEnvironment("kafka"));
        String adminPassword = secret();
        Map<String, String> props = new LinkedHashMap<>();
        // the certificates: this JVM's, made by the compose stack's script
        compose.forEach((name, value) -> props.put(name, local(value, "kafka")));
        // the container's addresses: every listener of the compose file, on an ephemeral port of localhost
        props.put("listeners", Pattern.compile(",").splitAsStream(compose.get("listeners"))
                .map(listener -> listener.substring(0, listener.indexOf("://")) + "://localhost:0")
                .collect(Collectors.joining(",")));
        props.remove("advertised.listeners"); // the bound ports are advertised
        props.remove("controller.quorum.voters"); // the test kit's
        props.remove("log.dirs"); // the test kit's
        props.remove("node.id");
        props.remove("process.roles");
        // the compose command's JAAS file: PLAIN (the admin, also the broker's own inter-broker login), SCRAM for services
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                + adminPassword + "\" user_admin=\"" + adminPassword + "\";";
        String scram = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
        for (String listener : props.get("listener.security.protocol.map").split(",")) {
            String[] nameAndProtocol = listener.split(":");
            if (nameAndProtocol[1].startsWith("SASL_")) {
                String prefix = "listener.name." + nameAndProtocol[0].toLowerCase() + ".";
                props.put(prefix + "plain.sasl.jaas.config", plain);
                props.put(prefix + "scram-sha-512.sasl.jaas.config", scram);
            }
        }
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBrokerListenerName(new ListenerName(compose.get("inter.broker.listener.name")))
                    .setBrokerSecurityProtocol(protocolOf(compose, compose.get("inter.broker.listener.name")))
                    .setControllerListenerName(new ListenerName(compose.get("controller.listener.names")))
                    .setControllerSecurityProtocol(protocolOf(compose, compose.get("controller.listener.names")))
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            props.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            org.slf4j.LoggerFactory.getLogger(ProductionBroker.class).info("broker ready");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.close();
                } catch (Exception ignored) {
                    // the JVM is ending
                }
            }, "production-broker-stop"));
            return new ProductionBroker(cluster, adminPassword);
        } catch (Exception e) {
            throw new IllegalStateException("the broker configured as docker-compose.yml's kafka did not start", e);
        }
    }

    /**
     * What the test kit is told of a listener's protocol in the compose file's {@code listener.security.protocol.map}:
     * it accepts PLAINTEXT and SASL_PLAINTEXT only, so SASL_SSL is given as SASL_PLAINTEXT. The broker's listeners are
     * the compose file's all the same: the test kit puts its own map only where none is given, and the compose file's is.
     */
    private static SecurityProtocol protocolOf(Map<String, String> compose, String listener) {
        for (String entry : compose.get("listener.security.protocol.map").split(",")) {
            String[] nameAndProtocol = entry.split(":");
            if (nameAndProtocol[0].equals(listener)) {
                return nameAndProtocol[1].startsWith("SASL_") ? SecurityProtocol.SASL_PLAINTEXT : SecurityProtocol.PLAINTEXT;
            }
        }
        throw new IllegalStateException("no protocol for listener " + listener + " in docker-compose.yml's kafka");
    }

    static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code localhost:port} of a listener. */
    String address(String listener) {
        return "localhost:" + cluster.brokers().values().iterator().next().boundPort(new ListenerName(listener));
    }

    String adminPassword() {
        return adminPassword;
    }
}
