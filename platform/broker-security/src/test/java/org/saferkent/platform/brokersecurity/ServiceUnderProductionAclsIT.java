package org.saferkent.platform.brokersecurity;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.embeddedstore.EmbeddedBackends;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.rj.RestorativeJusticeApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One real service, restorative-justice, started against the {@link ProductionBroker} after kafka-init,
 * with the Kafka part of its environment exactly as docker-compose.yml gives it ({@code SPRING_KAFKA_*},
 * {@code SAFERKENT_KAFKA_*}: SASL_SSL trusting the local CA, SCRAM-SHA-512, its own principal's JAAS line with the
 * password interpolated) and its HTTPS as compose gives it ({@code SERVER_SSL_*}, {@code SPRING_SSL_*}, the session
 * cookie's {@code SERVER_SERVLET_SESSION_COOKIE_SECURE}), read as environment variables by Spring as in the
 * container; the certificates are made by compose's own {@code docker/tls/make-certs.sh} ({@link ProductionBroker#tls}).
 * Only the broker's address (the services' listener here), where the certificates are, and what is not Kafka
 * (a MongoDB wire server, a local port) differ.
 *
 * <p>It starts (declares its topics and dead-letter topics, binds its consumer groups), consumes a referral
 * that the referrals principal publishes, and publishes the case it opens, which the commissioning
 * principal reads: one feed across three principals under the production ACLs.
 */
class ServiceUnderProductionAclsIT {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");

    private static ProductionBroker broker;
    private static Map<String, String> passwords;
    private static MongoServer mongo;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void restorativeJusticeAsComposeStartsIt() throws Exception {
        broker = ProductionBroker.get();
        passwords = KafkaInit.passwords();
        mongo = new MongoServer(EmbeddedBackends.memory());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress store = mongo.getLocalAddress();

        Map<String, Object> environment = new LinkedHashMap<>();
        ProductionBroker.composeEnvironment("restorative-justice").forEach((name, value) -> {
            if (name.startsWith("SPRING_KAFKA_") || name.startsWith("SAFERKENT_KAFKA_") || name.startsWith("SERVER_SSL_")
                    || name.startsWith("SPRING_SSL_") || name.equals("SERVER_SERVLET_SESSION_COOKIE_SECURE")) {
                environment.put(name, ProductionBroker.local(interpolate(value, Map.of("KAFKA_RJ_PASSWORD", passwords.get("restorative-justice"))),
                        "restorative-justice"));
            }
        });
        assertThat(environment).containsKeys("SPRING_KAFKA_SECURITY_PROTOCOL", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION", "SERVER_SSL_BUNDLE",
                "SERVER_SERVLET_SESSION_COOKIE_SECURE");
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", broker.address(ProductionBroker.INTERNAL));

        SpringApplication app = RestorativeJusticeApplication.application();
        // read as the container's environment: Spring maps a "...-systemEnvironment" source's names as it does the real one's
        app.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("docker-compose-systemEnvironment", environment)));
        service = app.run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + store.getPort(),
                // no token is presented here; the issuer is resolved on first use only
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9",
                "--saferkent.development-defaults=true");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    void itConsumesAReferralRoutedToItAndPublishesTheCaseItOpens() throws Exception {
        String referralId = UUID.randomUUID().toString();
        String payload = """
                {"referralId":"%s","district":"canterbury","category":"violent-crime","flags":[],"pathway":"restorative-justice",\
                "riskLevel":"standard","marac":false,"subjectRole":"victim","subjectPseudonym":"%s","routedAt":"%s"}"""
                .formatted(referralId, "ps-" + UUID.randomUUID(), Instant.now());
        ProducerRecord<String, byte[]> routed = new ProducerRecord<>("referrals.referral.events", referralId,
                payload.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(new EventMetadata(UUID.randomUUID().toString(), "referrals.ReferralRouted.v1",
                "/saferkent/referrals", referralId, Instant.now(), "acl-it-" + UUID.randomUUID(), null, 1, null), routed.headers());
        Properties producer = login("referrals");
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> referrals = new KafkaProducer<>(producer,
                new StringSerializer(), new ByteArraySerializer())) {
            referrals.send(routed).get(30, TimeUnit.SECONDS);
        }

        Properties props = login("commissioning");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "commissioning-acl-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> commissioning = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            commissioning.subscribe(List.of("rj.case.events"));
            List<ConsumerRecord<String, byte[]>> opened = new ArrayList<>();
            await("restorative-justice to publish the case it opens for " + referralId).atMost(Duration.ofSeconds(60))
                    .pollInSameThread().untilAsserted(() -> {
                        commissioning.poll(Duration.ofMillis(200)).forEach(record -> {
                            if (new String(record.value(), StandardCharsets.UTF_8).contains(referralId)) {
                                opened.add(record);
                            }
                        });
                        assertThat(opened).isNotEmpty();
                    });
            assertThat(new String(opened.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("rj.RjCaseOpened.v1");
        }
    }

    /**
     * Its HTTP as compose configures it: HTTPS with the certificate of the local CA, which a client trusting that CA
     * (the JVM trust store compose's services are given, {@code truststore.p12}) gets through to, with
     * Strict-Transport-Security; a client trusting only the usual authorities is refused at the handshake, and plain
     * HTTP on the port gets no answer from the service. Its session cookie is for HTTPS only.
     */
    @Test
    void itAnswersOnlyHttpsWithTheLocalCasCertificateAndSendsHstsAndSecureCookies() throws Exception {
        int port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        java.security.KeyStore trustStore = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(ProductionBroker.tls("restorative-justice").resolve("truststore.p12"))) {
            trustStore.load(in, "saferkent-ca".toCharArray());
        }
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        javax.net.ssl.SSLContext trustingTheCa = javax.net.ssl.SSLContext.getInstance("TLS");
        trustingTheCa.init(null, trust.getTrustManagers(), null);
        java.net.http.HttpRequest health = java.net.http.HttpRequest.newBuilder(java.net.URI.create("https://127.0.0.1:" + port + "/actuator/health")).build();

        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newBuilder().sslContext(trustingTheCa).build()
                .send(health, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"UP\"");
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.net.http.HttpClient.newHttpClient()
                        .send(health, java.net.http.HttpResponse.BodyHandlers.ofString()))
                .as("a client that does not trust the local CA").isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        java.net.http.HttpResponse<String> plain;
        try {
            plain = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException refused) {
            plain = null;
        }
        if (plain != null) {
            assertThat(plain.statusCode()).as("plain HTTP: %s", plain.body()).isEqualTo(400);
            assertThat(plain.body()).doesNotContain("UP");
        }
        assertThat(((org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext) service)
                .getServletContext().getSessionCookieConfig().isSecure()).as("the session cookie is for HTTPS only").isTrue();
    }

    /** Compose's interpolation: {@code ${NAME}} from the values given, {@code ${NAME:-default}} else the default. */
    private static String interpolate(String value, Map<String, String> variables) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = variables.getOrDefault(m.group(1), m.group(2));
            if (replacement == null) {
                throw new IllegalStateException("docker-compose.yml needs " + m.group(1) + " here: " + value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    private static Properties login(String principal) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.address(ProductionBroker.INTERNAL));
        ProductionBroker.trustTheCa(props);
        props.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + principal + "\" password=\"" + passwords.get(principal) + "\";");
        return props;
    }
}
