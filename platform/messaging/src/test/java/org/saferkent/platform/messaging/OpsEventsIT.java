package org.saferkent.platform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventTracing;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.outbox.AggregateStores;
import org.saferkent.platform.probe.LifecycleProbe;
import org.saferkent.platform.test.EventCatalogue;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.saferkent.platform.test.TopicRecords.header;

/** What every service reports on ops.events by itself, and how consumers continue a trace. */
@SpringBootTest
@WithRealInfrastructure
class OpsEventsIT {

    @Autowired
    CircuitBreaker testCircuit;
    @Autowired
    CircuitBreakerRegistry testCircuits;
    @Autowired
    AggregateStores stores;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void aReadyServiceReportsThatItStarted() {
        ConsumerRecord<String, byte[]> started = awaitOps("ops.ServiceStarted.v1", "messaging-test");
        assertThat(TopicRecords.value(started)).contains("\"service\":\"messaging-test\"", "\"instance\":", "\"startedAt\":");
    }

    @Test
    void aClosingServiceReportsThatItIsStopping() {
        RealInfrastructure infrastructure = RealInfrastructure.get();
        String name = "lifecycle-probe-" + UUID.randomUUID().toString().substring(0, 8);
        ConfigurableApplicationContext probe = new SpringApplicationBuilder(LifecycleProbe.class)
                .web(WebApplicationType.NONE)
                .run("--spring.application.name=" + name,
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infrastructure.mongoUri(),
                        "--spring.mongodb.database=" + name);
        awaitOps("ops.ServiceStarted.v1", name);
        probe.close();

        ConsumerRecord<String, byte[]> stopping = awaitOps("ops.ServiceStopping.v1", name);
        assertThat(TopicRecords.value(stopping)).contains("\"uptimeSeconds\":");
    }

    @Test
    void aCircuitBreakerBeanThatOpensIsReported() {
        testCircuit.transitionToOpenState();
        try {
            ConsumerRecord<String, byte[]> changed = awaitOps("ops.CircuitStateChanged.v1", "messaging-test/test-circuit");
            assertThat(TopicRecords.value(changed)).contains("\"circuit\":\"test-circuit\"", "\"fromState\":\"CLOSED\"",
                    "\"toState\":\"OPEN\"");
        } finally {
            testCircuit.transitionToClosedState();
        }
    }

    @Test
    void aBreakerMadeLaterByARegistryBeanIsReportedToo() {
        String name = "later-" + UUID.randomUUID().toString().substring(0, 8);
        CircuitBreaker later = testCircuits.circuitBreaker(name);
        later.transitionToForcedOpenState();

        ConsumerRecord<String, byte[]> changed = awaitOps("ops.CircuitStateChanged.v1", "messaging-test/" + name);
        assertThat(TopicRecords.value(changed)).contains("\"toState\":\"FORCED_OPEN\"");
    }

    @Test
    void aBacklogAboveTheThresholdIsReportedOnceAndItsRecoveryOnce() {
        String collection = "stuck_" + UUID.randomUUID().toString().replace("-", "");
        stores.create(collection, "messagingtest.stuck.events", MessagingTestApplication.IncidentReported.class);
        String id = UUID.randomUUID().toString();
        // a document another relay holds a lease on: its event waits (threshold 1 in this test's configuration)
        mongo.getCollection(collection).insertOne(new Document("_id", id).append("version", 1L)
                .append("pendingEvents", List.of(new Document("eventId", UUID.randomUUID().toString())))
                .append("relayDue", new Date()) // as the outbox's store writes it: the backlog counts relayDue
                .append("relayLease", new Document("owner", "a-relay-that-hangs")
                        .append("until", Date.from(Instant.now().plus(Duration.ofHours(1))))));

        ConsumerRecord<String, byte[]> high = TopicRecords.awaitRecord(Topics.OPS_EVENTS,
                r -> "ops.OutboxBacklogHigh.v1".equals(header(r, CloudEventHeaders.TYPE)) && TopicRecords.value(r).contains(collection));
        assertThat(EventCatalogue.violations(high)).isEmpty();
        ConsumerRecord<String, byte[]> heartbeat = TopicRecords.awaitRecord(Topics.OPS_EVENTS,
                r -> "ops.ServiceHeartbeat.v1".equals(header(r, CloudEventHeaders.TYPE))
                        && TopicRecords.value(r).contains("\"backlogHigh\":true"));
        assertThat(EventCatalogue.violations(heartbeat)).isEmpty();

        mongo.getCollection(collection).deleteOne(new Document("_id", id));
        ConsumerRecord<String, byte[]> cleared = TopicRecords.awaitRecord(Topics.OPS_EVENTS,
                r -> "ops.OutboxBacklogCleared.v1".equals(header(r, CloudEventHeaders.TYPE)) && r.timestamp() >= high.timestamp());
        assertThat(EventCatalogue.violations(cleared)).isEmpty();
        assertThat(TopicRecords.matching(Topics.OPS_EVENTS, r -> "ops.OutboxBacklogHigh.v1".equals(header(r, CloudEventHeaders.TYPE))
                && TopicRecords.value(r).contains(collection))).hasSize(1);
    }

    @Test
    void aConsumerContinuesTheProducersTraceInASpanOfItsOwnAndCountsTheEvent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String producerSpan = "00f067aa0ba902b7";
        String incidentId = "trace-" + UUID.randomUUID();
        double before = processed();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(MessagingTestApplication.TOPIC, incidentId,
                ("{\"incidentId\":\"" + incidentId + "\",\"district\":\"d-" + UUID.randomUUID() + "\"}").getBytes());
        String eventId = UUID.randomUUID().toString();
        CloudEventHeaders.write(new EventMetadata(eventId, MessagingTestApplication.TYPE,
                "/saferkent/test", incidentId, Instant.now(), "chain-" + incidentId, null, 1,
                "00-" + traceId + "-" + producerSpan + "-01"), record.headers());
        TopicRecords.send(record);

        await().atMost(Duration.ofSeconds(30)).until(() -> MessagingTestApplication.handledIn.containsKey(incidentId));
        EventTracing.Origin handled = MessagingTestApplication.handledIn.get(incidentId);
        assertThat(handled.correlationId()).isEqualTo("chain-" + incidentId);
        assertThat(handled.causationId()).isEqualTo(eventId);
        assertThat(handled.traceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .isNotEqualTo("00-" + traceId + "-" + producerSpan + "-01");
        await().atMost(Duration.ofSeconds(10)).until(() -> processed() > before);
    }

    private double processed() {
        return meters.find("saferkent.messaging.processed").tag("topic", MessagingTestApplication.TOPIC)
                .tag("type", MessagingTestApplication.TYPE).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static ConsumerRecord<String, byte[]> awaitOps(String type, String subject) {
        ConsumerRecord<String, byte[]> record = TopicRecords.awaitRecord(Topics.OPS_EVENTS,
                r -> type.equals(header(r, CloudEventHeaders.TYPE)) && subject.equals(r.key()));
        assertThat(EventCatalogue.violations(record)).isEmpty();
        return record;
    }
}
