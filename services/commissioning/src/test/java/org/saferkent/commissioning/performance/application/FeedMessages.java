package org.saferkent.commissioning.performance.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import au.com.dius.pact.provider.MessageAndMetadata;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.saferkent.commissioning.performance.domain.ContractPerformance;
import org.saferkent.commissioning.performance.domain.ContractTerms;
import org.saferkent.commissioning.performance.domain.DistrictFacts;
import org.saferkent.commissioning.performance.domain.PathwayScope;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;
import org.saferkent.commissioning.performance.domain.ReferralFact;
import org.saferkent.commissioning.performance.domain.Target;
import org.saferkent.commissioning.vocabulary.Measure;
import org.saferkent.contracts.ProviderMessages;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventsProperties;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.workingdays.Quarter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The feed records as commissioning really publishes them, for provider verification and the gate: a
 * contract's performance computed by {@link ContractPerformance} from a quarter's facts, stored by
 * {@link PerformanceStore} (its real sequence and stored form), published by {@link SnapshotPublisher} (its
 * keys, {@code EventJson} serialisation and CloudEvents headers) to the compacted topics, declared as
 * {@link FeedTopic} declares them, on the test JVM's real broker and store — and read back from the topics as
 * their readers would: the exact snapshot from {@code commissioning.feed} (partnership's Panel view), the
 * published form from {@code commissioning.pcc-feed} (the PCC's office).
 */
public final class FeedMessages {

    public static final String TOPIC = "commissioning.feed";
    public static final String PCC_TOPIC = "commissioning.pcc-feed";
    private static final String SOURCE = "commissioning";
    private static final int VERSION = 1;

    private FeedMessages() {
    }

    /** The exact record of one contract × district × quarter with activity and a target. */
    public static MessageAndMetadata performanceSnapshot() {
        return readBack(TOPIC, publishOne());
    }

    /**
     * The PCC office's record of the same kind of cell: seven referrals routed, five accepted and two declined, so the
     * office is shown 7 and 5, the declined count withheld ({@code primary}), and the accepted share over it too.
     */
    public static MessageAndMetadata publishedPerformance() {
        return readBack(PCC_TOPIC, publishOne());
    }

    private static MessageAndMetadata readBack(String topic, String key) {
        ConsumerRecord<String, byte[]> published = TopicRecords.awaitRecord(topic, r -> key.equals(r.key()));
        return ProviderMessages.of(new ProducerRecord<>(published.topic(), null, published.key(), published.value(),
                published.headers()));
    }

    /** @return the key of the cell published (both topics) */
    private static String publishOne() {
        String contractId = UUID.randomUUID().toString();
        ContractTerms contract = new ContractTerms(contractId, "Victim Support Kent", "Kent and Medway victim care",
                Set.of("victim-support"), Set.of("maidstone", "ashford"), LocalDate.of(2026, 4, 1),
                LocalDate.of(2027, 3, 31), null, 12_000_000L,
                List.of(new Target(Measure.REFERRALS_ACCEPTED_SHARE, new BigDecimal("0.8"), new BigDecimal("0.05"))));
        List<ReferralFact> referrals = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate routed = LocalDate.of(2026, 8, 3 + i);
            referrals.add(new ReferralFact(UUID.randomUUID().toString(), "victim-support", "maidstone", routed,
                    i < 5 ? routed.plusDays(1) : null, i < 5 ? null : routed.plusDays(1)));
        }
        DistrictFacts facts = new DistrictFacts(referrals, List.of(), Map.of(), Set.of(), List.of(), List.of(), List.of());
        PerformanceSnapshot snapshot = ContractPerformance.of(contract, "maidstone", Quarter.parse("2026-Q3").orElseThrow(),
                facts, new PathwayScope("restorative-justice", Set.of("youth-prevention")));

        RealInfrastructure infrastructure = RealInfrastructure.get();
        EventJson json = new EventJson();
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()));
        EventsProperties shape = new EventsProperties(3, (short) 1, 1);
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            MongoTemplate mongo = new MongoTemplate(client, "commissioning-pact-" + UUID.randomUUID());
            PerformanceStore store = new PerformanceStore(mongo, json.mapper(), new FeedSequence(mongo),
                new org.saferkent.commissioning.performance.domain.PccDisclosure(
                        org.saferkent.platform.disclosure.DisclosureControl.withDefaultAudiences(), "pcc-office"));
            SnapshotPublisher publisher = new SnapshotPublisher(store, new EventProducer(new KafkaTemplate<>(producers)), json,
                    new EventSource(SOURCE), Clock.systemUTC(), TOPIC, PCC_TOPIC, 10, Duration.ofSeconds(30), () -> {
                        FeedTopic.declare(admin, TOPIC, shape);
                        FeedTopic.declare(admin, PCC_TOPIC, shape);
                    });
            try (ProjectionLease.Hold hold = new ProjectionLease(mongo, Clock.systemUTC(), "pact").hold(Duration.ofMinutes(1),
                    Duration.ofMinutes(1))) {
                store.write(VERSION, List.of(PerformanceStore.Change.of(snapshot)), hold);
                if (publisher.publishPending(VERSION, hold) != 1) {
                    throw new IllegalStateException("the snapshot was not published");
                }
            }
        } finally {
            producers.destroy();
        }
        return snapshot.key();
    }
}
