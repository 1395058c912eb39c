package org.saferkent.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The infrastructure of the local stack keeps its data across a restart: a record produced to the
 * real broker process and a document written to the H2-backed MongoDB server are both still there
 * after stopping and starting them again on the same data directory and ports.
 */
class LocalInfrastructureIT {

    private static final Duration READY = Duration.ofSeconds(60);
    private static final String TOPIC = "local-infrastructure-it";

    @TempDir
    Path dataDir;

    @Test
    void recordAndDocumentSurviveARestart() throws Exception {
        KafkaBrokerProcess.Settings broker = KafkaBrokerProcess.Settings
                .under(dataDir, Ports.freePort(), Ports.freePort())
                .withHeap("192m");
        int mongoPort = Ports.freePort();
        long brokerPid;

        try (KafkaBrokerProcess kafka = KafkaBrokerProcess.start(broker, READY);
                MongoWireServer mongo = MongoWireServer.start(dataDir.resolve("mongo"), mongoPort, false)) {
            brokerPid = kafka.pid();
            createTopic(kafka.bootstrapServers());
            produce(kafka.bootstrapServers(), "referral-1", "ReferralReceived");
            commitOffset(kafka.bootstrapServers(), "anonymous.0b6f3c2e-live-view");
            commitOffset(kafka.bootstrapServers(), "victims");
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                client.getDatabase("referrals").getCollection("referrals")
                        .insertOne(new Document("_id", "referral-1").append("status", "RECEIVED"));
            }
        }

        // stopping the infrastructure leaves no broker process behind
        assertThat(ProcessHandle.of(brokerPid).filter(ProcessHandle::isAlive)).isEmpty();

        try (KafkaBrokerProcess kafka = KafkaBrokerProcess.start(broker, READY);
                MongoWireServer mongo = MongoWireServer.start(dataDir.resolve("mongo"), mongoPort, false)) {
            assertThat(consumeFromStart(kafka.bootstrapServers())).containsExactly("referral-1=ReferralReceived");
            // the launcher's clean-up at start: an earlier run's live-view group goes, a service's group stays
            StaleGroupMembers.evict(kafka.bootstrapServers());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                assertThat(admin.listGroups().all().get(30, TimeUnit.SECONDS)).extracting(listing -> listing.groupId())
                        .contains("victims").doesNotContain("anonymous.0b6f3c2e-live-view");
            }
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                Document referral = client.getDatabase("referrals").getCollection("referrals")
                        .find(Filters.eq("_id", "referral-1")).first();
                assertThat(referral).isNotNull();
                assertThat(referral.getString("status")).isEqualTo("RECEIVED");
            }
        }
    }

    private static void createTopic(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** A group that has read the topic's record and left (as a stopped consumer leaves it). */
    private static void commitOffset(String bootstrapServers, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(TOPIC, 0), new org.apache.kafka.clients.consumer.OffsetAndMetadata(1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrapServers, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeFromStart(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await("the record produced before the restart")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.key() + "=" + r.value()));
                        return !received.isEmpty();
                    });
        }
        return received;
    }
}
