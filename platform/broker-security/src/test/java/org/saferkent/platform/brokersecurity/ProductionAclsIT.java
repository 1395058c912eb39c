package org.saferkent.platform.brokersecurity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saferkent.commissioning.performance.application.FeedTopic;
import org.saferkent.platform.brokersecurity.ServiceBindings.Binding;
import org.saferkent.platform.events.EventsProperties;
import org.saferkent.platform.events.Topics;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * docker-compose.yml's Kafka security, on a real broker: a KRaft node configured from the compose file's
 * {@code kafka} service (SASL_SSL with a certificate of the local CA, SCRAM-SHA-512 for services, StandardAuthorizer, nothing allowed
 * without an ACL), then {@code docker/kafka/init-security.sh} run against it as compose's kafka-init runs it
 * ({@link KafkaInit}). Every client here logs in as a service would, on the services' listener
 * ({@code INTERNAL}, {@code SPRING_KAFKA_*} as compose sets them), with the password the script was given.
 *
 * <p>What a service needs comes from the services, not from the script: their consumer bindings (destination
 * and group) and the event catalogue's topics ({@link ServiceBindings}). What a service must not do is
 * spelled out: read another's private topic, write another's topic, use another's group, log in with a
 * wrong password.
 */
class ProductionAclsIT {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String PCC_FEED = "commissioning.pcc-feed";
    /** The PCC office's principal: a reader outside the system, not a service. */
    private static final String PCC_OFFICE = "pcc-office";

    private static ProductionBroker broker;
    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();
    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new ConcurrentHashMap<>();
    private static Admin admin;

    @BeforeAll
    static void brokerAsComposeConfiguresItAndKafkaInitRun() throws Exception {
        broker = ProductionBroker.get();
        PASSWORDS.putAll(KafkaInit.passwords());
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.address(ProductionBroker.BROKER));
        ProductionBroker.trustTheCa(props);
        props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                + broker.adminPassword() + "\";");
        admin = Admin.create(props);
    }

    @AfterAll
    static void close() {
        PRODUCERS.values().forEach(KafkaProducer::close);
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void kafkaInitCreatedTheTopicsKeptForGoodAndCompactedFeeds() throws Exception {
        Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        ServiceBindings.catalogueTopics().values().forEach(own -> assertThat(topics).containsAll(own));
        assertThat(topics).contains(PCC_FEED);
        ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, "referrals.referral.events");
        ConfigResource feed = new ConfigResource(ConfigResource.Type.TOPIC, "commissioning.feed");
        ConfigResource pccFeed = new ConfigResource(ConfigResource.Type.TOPIC, PCC_FEED);
        Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(events, feed, pccFeed)).all().get(10, TimeUnit.SECONDS);
        assertThat(configs.get(events).get("retention.ms").value()).isEqualTo("-1");
        assertThat(configs.get(feed).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(configs.get(pccFeed).get("cleanup.policy").value()).isEqualTo("compact");
        List<String> principals = new ArrayList<>(ServiceBindings.SERVICES);
        principals.add(PCC_OFFICE);
        assertThat(admin.describeUserScramCredentials().users().get(10, TimeUnit.SECONDS))
                .containsExactlyInAnyOrderElementsOf(principals);
    }

    /**
     * The PCC's office, outside the system, reads its own feed (figures under disclosure control) in a group of its
     * own, and nothing else: not the exact commissioning.feed, not the events; it writes nothing.
     */
    @Test
    void thePccOfficeReadsItsOwnFeedAndNotTheExactOne() throws Exception {
        String key = UUID.randomUUID().toString();
        admin(PCC_FEED, key);
        try (KafkaConsumer<String, String> consumer = consumer(PCC_OFFICE, PASSWORDS.get(PCC_OFFICE), "pcc-office-dashboard")) {
            consumer.subscribe(List.of(PCC_FEED));
            List<String> seen = new ArrayList<>();
            await().atMost(BOUND).pollInSameThread().untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key()));
                assertThat(seen).as("pcc-office reads " + PCC_FEED).contains(key);
            });
            consumer.commitSync();
        }
        assertCannotRead(PCC_OFFICE, "commissioning.feed");
        assertCannotRead(PCC_OFFICE, "referrals.referral.events");
        assertCannotRead(PCC_OFFICE, "commissioning.contract.events");
        // it may write no topic at all: refused for the topic, or at once for its producer (no idempotent producer id)
        for (String topic : List.of(PCC_FEED, "ops.events")) {
            try (KafkaProducer<String, String> producer = producer(PCC_OFFICE, PASSWORDS.get(PCC_OFFICE))) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS))
                        .as("pcc-office writes " + topic).hasCauseInstanceOf(AuthorizationException.class);
            }
        }
        // nor in a service's group
        try (KafkaConsumer<String, String> consumer = consumer(PCC_OFFICE, PASSWORDS.get(PCC_OFFICE), "partnership")) {
            consumer.subscribe(List.of(PCC_FEED));
            assertThat(refusal(consumer)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void everyServicePublishesTheCatalogueTopicsOfItsEventsAndOpsEvents() throws Exception {
        Map<String, List<String>> catalogue = ServiceBindings.catalogueTopics();
        assertThat(catalogue).containsKeys("referrals", "victims", "restorative-justice", "commissioning", "partnership");
        for (String service : ServiceBindings.SERVICES) {
            List<String> topics = new ArrayList<>(catalogue.getOrDefault(service, List.of()));
            topics.add("ops.events");
            for (String topic : topics) {
                assertThat(send(service, topic)).as(service + " publishes to " + topic).isNotNull();
            }
        }
    }

    /**
     * Each consumer binding of each service, as the binder runs it: its group (or an anonymous one,
     * {@code anonymous.<uuid>} as Spring Cloud Stream names it), subscribed to its destination (a pattern
     * too), reading a record and committing its offset; and the binding's dead letter, which the platform
     * writes to {@code <topic>.<group>.dlq}.
     */
    @Test
    void everyConsumerBindingReadsItsDestinationWithItsGroupAndCanDeadLetter() throws Exception {
        List<Binding> bindings = ServiceBindings.consumerBindings();
        assertThat(bindings).extracting(Binding::service).containsAll(ServiceBindings.SERVICES);
        // the groups side by side (a join is mostly waiting); a group's bindings one after the other, so that no
        // rebalance of a group between this test's own consumers interrupts a commit
        Map<String, List<Binding>> byGroup = new LinkedHashMap<>();
        bindings.forEach(binding -> byGroup.computeIfAbsent(binding.group() != null ? binding.group() : "anonymous:" + binding,
                group -> new ArrayList<>()).add(binding));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> checks = new ArrayList<>();
            for (List<Binding> group : byGroup.values()) {
                checks.add(pool.submit(() -> {
                    for (Binding binding : group) {
                        try {
                            readsWithItsGroupAndDeadLetters(binding);
                        } catch (KafkaException e) {
                            throw new AssertionError(binding + " under compose's ACLs: " + e, e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> check : checks) {
                try {
                    check.get(120, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof AssertionError failure ? failure : new AssertionError(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void readsWithItsGroupAndDeadLetters(Binding binding) throws Exception {
        String group = binding.group() != null ? binding.group() : "anonymous." + UUID.randomUUID();
        String topic = binding.pattern() ? "ops.events.ops-monitor.dlq" : binding.destination();
        if (binding.pattern()) {
            assertThat(topic).as("a topic the pattern " + binding.destination() + " matches").matches(binding.destination());
        }
        String key = UUID.randomUUID().toString();
        admin(topic, key);
        try (KafkaConsumer<String, String> consumer = consumer(binding.service(), PASSWORDS.get(binding.service()), group)) {
            if (binding.pattern()) {
                consumer.subscribe(Pattern.compile(binding.destination()));
            } else {
                consumer.subscribe(List.of(topic));
            }
            List<String> seen = new ArrayList<>();
            await().atMost(BOUND).pollInSameThread().untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key()));
                assertThat(seen).as(binding + " reads " + topic).contains(key);
            });
            consumer.commitSync();
        }
        if (binding.group() != null && !binding.pattern()) {
            String deadLetters = binding.destination() + "." + binding.group() + ".dlq";
            assertThat(send(binding.service(), deadLetters)).as(binding + " dead-letters to " + deadLetters).isNotNull();
        }
    }

    /**
     * What a service declares at start ({@code Topics.declare}, Spring Kafka's {@code createOrModifyTopics}):
     * its events topics, and per consumer binding the destination, its dead-letter topic and {@code ops.events}.
     * All exist (kafka-init), so each is only described; one the principal may not describe would look
     * missing and its creation be refused, and the service would not start.
     */
    @Test
    void everyServiceDeclaresTheTopicsItUsesAtStart() {
        Map<String, List<String>> catalogue = ServiceBindings.catalogueTopics();
        EventsProperties shape = new EventsProperties(3, (short) 1, 1);
        for (String service : ServiceBindings.SERVICES) {
            Set<String> declared = new TreeSet<>(catalogue.getOrDefault(service, List.of()));
            declared.add(Topics.OPS_EVENTS);
            ServiceBindings.consumerBindings().stream()
                    .filter(binding -> binding.service().equals(service) && binding.group() != null && !binding.pattern())
                    .forEach(binding -> {
                        declared.add(binding.destination());
                        declared.add(Topics.deadLetterTopic(binding.destination(), binding.group()));
                    });
            KafkaAdmin kafkaAdmin = new KafkaAdmin(config(login(service, PASSWORDS.get(service))));
            kafkaAdmin.setFatalIfBrokerNotAvailable(true);
            new Topics(kafkaAdmin, shape).declare(declared.toArray(String[]::new));
        }
    }

    /**
     * The feeds (exact, and the PCC office's): commissioning declares them compacted (FeedTopic) and finds them so,
     * since kafka-init created them compacted; it could not switch them (no AlterConfigs right), which is why they
     * must be. It publishes to both.
     */
    @Test
    void commissioningDeclaresTheFeedsWithTheRightsItHas() throws Exception {
        Properties login = login("commissioning", PASSWORDS.get("commissioning"));
        for (String topic : List.of("commissioning.feed", PCC_FEED)) {
            FeedTopic.declare(new KafkaAdmin(config(login)), topic, new EventsProperties(3, (short) 1, 1));
            try (Admin commissioning = Admin.create(login)) {
                ConfigResource feed = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                assertThatThrownBy(() -> commissioning.incrementalAlterConfigs(Map.of(feed, List.of(new AlterConfigOp(
                        new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
            ConfigResource feed = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(List.of(feed)).all().get(10, TimeUnit.SECONDS).get(feed).get("cleanup.policy").value())
                    .as(topic).isEqualTo("compact");
            assertThat(send("commissioning", topic)).as("commissioning publishes to " + topic).isNotNull();
        }
    }

    private static Map<String, Object> config(Properties properties) {
        Map<String, Object> config = new HashMap<>();
        properties.forEach((key, value) -> config.put(String.valueOf(key), value));
        return config;
    }

    /**
     * ops-monitor replays a dead letter, {@code <topic>.<group>.dlq}, to its source topic: every grouped
     * binding's destination, except the PCC's compacted feed. There a replayed (older) snapshot would become
     * the latest for its key, so compose gives ops-monitor no right to write it and such a replay is refused
     * by the broker (the operator sees "the broker did not take the replayed record").
     */
    @Test
    void opsMonitorReplaysADeadLetterToEverySourceTopicButTheCompactedFeed() throws Exception {
        List<String> sources = ServiceBindings.consumerBindings().stream()
                .filter(binding -> binding.group() != null && !binding.pattern())
                .map(Binding::destination).distinct().toList();
        assertThat(sources).contains("commissioning.feed", "referrals.referral.events");
        for (String source : sources) {
            if (source.equals("commissioning.feed")) {
                assertCannotWrite("ops-monitor", source);
            } else {
                assertThat(send("ops-monitor", source)).as("ops-monitor replays to " + source).isNotNull();
            }
        }
    }

    /** ops-monitor's lag picture (ConsumerLag): every consumer group, its committed offsets, the topics' end offsets. */
    @Test
    void opsMonitorSeesEveryGroupsCommittedOffsetsAndTheEndOffsets() throws Exception {
        String group = "victims-lag-" + UUID.randomUUID();
        TopicPartition partition = new TopicPartition("referrals.referral.events", 0);
        admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(0))).all().get(10, TimeUnit.SECONDS);
        try (Admin opsMonitor = Admin.create(login("ops-monitor", PASSWORDS.get("ops-monitor")))) {
            assertThat(opsMonitor.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(10, TimeUnit.SECONDS))
                    .extracting(GroupListing::groupId).contains(group);
            assertThat(opsMonitor.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS))
                    .containsKey(partition);
            assertThat(opsMonitor.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(10, TimeUnit.SECONDS).offset()).isNotNegative();
        }
    }

    @Test
    void noServiceReadsAnotherServicesPrivateTopics() {
        // victims fetches a victim's details from referrals over HTTP, never from the subject stream's
        // neighbours; a Domestic Homicide Review is the partnership's alone
        assertCannotRead("victims", "partnership.dhr.events");
        assertCannotRead("victims", "partnership.asb-review.events");
        assertCannotRead("commissioning", "referrals.subject.events");
        assertCannotRead("partnership", "referrals.subject.events");
        assertCannotRead("referrals", "partnership.dhr.events");
        assertCannotRead("restorative-justice", "ops.events");
        assertCannotRead("victims", "referrals.referral.events.partnership.dlq");
    }

    @Test
    void noServiceWritesAnotherServicesTopic() {
        assertCannotWrite("victims", "referrals.referral.events");
        assertCannotWrite("partnership", "commissioning.feed");
        assertCannotWrite("partnership", PCC_FEED);
        assertCannotWrite("restorative-justice", "victims.case.events");
        assertCannotWrite("referrals", "partnership.dhr.events");
        // ops-monitor replays a dead letter to its events topic, and may write nothing else
        assertCannotWrite("ops-monitor", "commissioning.feed");
        assertCannotWrite("ops-monitor", PCC_FEED);
        assertCannotWrite("ops-monitor", "partnership.dhr.events");
    }

    @Test
    void noServiceConsumesInAnotherServicesGroup() {
        // victims may read the referrals topic, but not as the referrals service (it would take its partitions and offsets)
        try (KafkaConsumer<String, String> consumer = consumer("victims", PASSWORDS.get("victims"), "referrals")) {
            consumer.subscribe(List.of("referrals.referral.events"));
            assertThat(refusal(consumer)).isInstanceOf(GroupAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> consumer = consumer("partnership", PASSWORDS.get("partnership"), "commissioning")) {
            consumer.subscribe(List.of("commissioning.feed"));
            assertThat(refusal(consumer)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordOrTheAdminsPlainLoginIsRefusedOnTheServicesListener() {
        try (KafkaProducer<String, String> producer = producer("victims", PASSWORDS.get("referrals"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("victims.case.events", "k", "v")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
        Properties plain = new Properties();
        plain.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.address(ProductionBroker.INTERNAL));
        ProductionBroker.trustTheCa(plain);
        plain.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        plain.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                + broker.adminPassword() + "\";");
        try (Admin plainAdmin = Admin.create(plain)) {
            assertThatThrownBy(() -> plainAdmin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(UnsupportedSaslMechanismException.class);
        }
    }

    private static void assertCannotRead(String service, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(service, PASSWORDS.get(service), service)) {
            consumer.subscribe(List.of(topic));
            assertThat(refusal(consumer)).as(service + " reads " + topic).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static void assertCannotWrite(String service, String topic) {
        try (KafkaProducer<String, String> producer = producer(service, PASSWORDS.get(service))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS))
                    .as(service + " writes " + topic)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** What the consumer is refused with (at its first metadata, join or fetch), within the bound. */
    private static Throwable refusal(KafkaConsumer<String, String> consumer) {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        await().atMost(BOUND).pollInSameThread().until(() -> {
            try {
                consumer.poll(Duration.ofMillis(200));
                return false;
            } catch (KafkaException e) {
                refused.set(e);
                return true;
            }
        });
        return refused.get();
    }

    private static Object send(String service, String topic) throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        KafkaProducer<String, String> producer = PRODUCERS.computeIfAbsent(service, s -> producer(s, PASSWORDS.get(s)));
        return producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), "{}")).get(30, TimeUnit.SECONDS);
    }

    private static void admin(String topic, String key) throws Exception {
        KafkaProducer<String, String> producer = PRODUCERS.computeIfAbsent("admin", s -> {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.address(ProductionBroker.BROKER));
            ProductionBroker.trustTheCa(props);
            props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
            props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                    + broker.adminPassword() + "\";");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            return new KafkaProducer<>(props);
        });
        producer.send(new ProducerRecord<>(topic, key, "{}")).get(30, TimeUnit.SECONDS);
    }

    /** A service's login as compose gives it: SPRING_KAFKA_SECURITY_PROTOCOL, ..._SASL_MECHANISM, ..._SASL_JAAS_CONFIG. */
    private static Properties login(String principal, String password) {
        Map<String, String> compose = ProductionBroker.composeEnvironment("victims");
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.address(ProductionBroker.INTERNAL));
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, compose.get("SPRING_KAFKA_SECURITY_PROTOCOL"));
        props.put("ssl.truststore.type", compose.get("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE"));
        props.put("ssl.truststore.location", ProductionBroker.local(compose.get("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION"), "victims"));
        props.put(SaslConfigs.SASL_MECHANISM, compose.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM"));
        props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + principal + "\" password=\"" + password + "\";");
        return props;
    }

    private static KafkaProducer<String, String> producer(String principal, String password) {
        Properties props = login(principal, password);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        return new KafkaProducer<>(props);
    }

    private static KafkaConsumer<String, String> consumer(String principal, String password, String group) {
        Properties props = login(principal, password);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(props);
    }
}
