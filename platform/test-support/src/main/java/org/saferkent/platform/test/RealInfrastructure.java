package org.saferkent.platform.test;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import org.saferkent.platform.embeddedstore.EmbeddedBackends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One real Kafka broker and one MongoDB wire server for the whole test JVM, shared by every test
 * class and started on first use. Where a Docker engine runs, Testcontainers brings the Apache Kafka
 * and MongoDB images; elsewhere an in-JVM KRaft broker and mongo-java-server (memory backend) stand
 * in. Both are real servers spoken to over TCP: nothing is mocked.
 *
 * <p>Force a choice with {@code -Dsaferkent.test.infrastructure=embedded|containers}.
 */
public final class RealInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(RealInfrastructure.class);
    private static final int PARTITIONS = 3;

    private static volatile RealInfrastructure instance;

    private final String kafkaBootstrapServers;
    private final String mongoUri;
    private final String kind;

    private RealInfrastructure(String kind, String kafkaBootstrapServers, String mongoUri) {
        this.kind = kind;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoUri = mongoUri;
    }

    public static RealInfrastructure get() {
        RealInfrastructure current = instance;
        if (current == null) {
            synchronized (RealInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    /** {@code host:port} of the broker. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** A MongoDB connection string without a database name: each service picks its own database. */
    public String mongoUri() {
        return mongoUri;
    }

    /** {@code embedded} or {@code containers}. */
    public String kind() {
        return kind;
    }

    private static RealInfrastructure start() {
        String choice = System.getProperty("saferkent.test.infrastructure", "auto");
        boolean containers = switch (choice) {
            case "containers" -> true;
            case "embedded" -> false;
            default -> DockerClientFactory.instance().isDockerAvailable();
        };
        RealInfrastructure started = containers ? startContainers() : startEmbedded();
        log.info("Test infrastructure ({}): kafka={} mongo={}", started.kind, started.kafkaBootstrapServers, started.mongoUri);
        return started;
    }

    private static RealInfrastructure startEmbedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperty("log.cleaner.dedupe.buffer.size", "8388608");
        broker.brokerProperty("num.partitions", Integer.toString(PARTITIONS));
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();

        MongoServer mongo = new MongoServer(EmbeddedBackends.memory());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            broker.destroy();
        }, "test-infrastructure-stop"));
        return new RealInfrastructure("embedded", broker.getBrokersAsString(),
                "mongodb://127.0.0.1:" + address.getPort());
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM exits
    private static RealInfrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2")
                .withEnv("KAFKA_NUM_PARTITIONS", Integer.toString(PARTITIONS));
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        String uri = mongo.getConnectionString();
        return new RealInfrastructure("containers", kafka.getBootstrapServers(), uri);
    }
}
