package org.saferkent.platform.messaging.contract;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saferkent.contracts.ProviderMessages;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.InvalidEventException;
import org.saferkent.platform.messaging.DeadLetters;
import org.saferkent.platform.messaging.ops.BankHolidaysComputed;
import org.saferkent.platform.messaging.ops.CircuitStateChanged;
import org.saferkent.platform.messaging.ops.ConsumerPaused;
import org.saferkent.platform.messaging.ops.ConsumerResumed;
import org.saferkent.platform.messaging.ops.OpsEvents;
import org.saferkent.platform.messaging.ops.OutboxBacklogCleared;
import org.saferkent.platform.messaging.ops.OutboxBacklogHigh;
import org.saferkent.platform.messaging.ops.OutboxEventParked;
import org.saferkent.platform.messaging.ops.ServiceHeartbeat;
import org.saferkent.platform.messaging.ops.ServiceStarted;
import org.saferkent.platform.messaging.ops.ServiceStopping;
import org.saferkent.platform.messaging.ops.SlaBreached;

/**
 * Platform messaging ("platform-ops": what every service publishes through it) keeps ops-monitor's
 * pact. The records are made by the real {@link OpsEvents} and {@link DeadLetters}, handed to a
 * producer that keeps them instead of sending them to a broker.
 */
@Provider("platform-ops")
@PactFolder("../../contracts/pacts")
class PlatformOpsPactVerificationTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:30:00.250Z");
    private static final String SERVICE = "victims";
    private static final String INSTANCE = "local-0a1b2c";

    /** Keeps what would have been sent. */
    static final class KeptRecords extends EventProducer {

        final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();

        KeptRecords() {
            super(null);
        }

        @Override
        public void sendAndWait(ProducerRecord<String, byte[]> record, Duration timeout) {
            records.add(record);
        }
    }

    private final KeptRecords producer = new KeptRecords();
    private final Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
    private final OpsEvents ops = new OpsEvents(producer, new EventJson(), new EventSource(SERVICE), clock);

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void keepsTheConsumersPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of("org.saferkent.platform.messaging.contract")));
    }

    private MessageAndMetadata published(String subject, Object opsEvent) {
        ops.publish(subject, opsEvent);
        return ProviderMessages.of(producer.records.get(producer.records.size() - 1));
    }

    @PactVerifyProvider("ops.ServiceStarted.v1")
    MessageAndMetadata serviceStarted() {
        return published(SERVICE, new ServiceStarted(SERVICE, INSTANCE, AT));
    }

    @PactVerifyProvider("ops.ServiceStopping.v1")
    MessageAndMetadata serviceStopping() {
        return published(SERVICE, new ServiceStopping(SERVICE, INSTANCE, AT, 3600));
    }

    @PactVerifyProvider("ops.ServiceHeartbeat.v1")
    MessageAndMetadata serviceHeartbeat() {
        return published(SERVICE, new ServiceHeartbeat(SERVICE, INSTANCE, 4, false, 1200, AT));
    }

    @PactVerifyProvider("ops.OutboxBacklogHigh.v1")
    MessageAndMetadata backlogHigh() {
        return published(SERVICE, new OutboxBacklogHigh(SERVICE, INSTANCE, 2400, 1000, Map.of("victimCases", 2400L), AT));
    }

    @PactVerifyProvider("ops.OutboxBacklogCleared.v1")
    MessageAndMetadata backlogCleared() {
        return published(SERVICE, new OutboxBacklogCleared(SERVICE, INSTANCE, 12, 1000, AT));
    }

    /** Published by the outbox relay itself (an outbox event of the aggregate's document) with these fields; key = the aggregate id. */
    @PactVerifyProvider("ops.OutboxEventParked.v1")
    MessageAndMetadata outboxEventParked() {
        return published("0d6f1c2a-7e3b-4a59-9c1d-2f8e6b5a4c3d", new OutboxEventParked(SERVICE, "victimCases",
                "0d6f1c2a-7e3b-4a59-9c1d-2f8e6b5a4c3d", "victims.VictimCaseOpened.v1", "8f0c1d3e-2b4a-4c5d-9e6f-7a8b9c0d1e2f",
                "victims.case.events", "org.apache.kafka.common.errors.RecordTooLargeException", AT));
    }

    @PactVerifyProvider("ops.CircuitStateChanged.v1")
    MessageAndMetadata circuitStateChanged() {
        return published(SERVICE + "/referrals-subject",
                new CircuitStateChanged(SERVICE, INSTANCE, "referrals-subject", "CLOSED", "OPEN", 62.5f, AT));
    }

    @PactVerifyProvider("ops.ConsumerPaused.v1")
    MessageAndMetadata consumerPaused() {
        return published(SERVICE + "/referrals.referral.events", new ConsumerPaused(SERVICE, INSTANCE, SERVICE,
                "referrals.referral.events", "com.mongodb.MongoSocketOpenException", AT));
    }

    @PactVerifyProvider("ops.ConsumerResumed.v1")
    MessageAndMetadata consumerResumed() {
        return published(SERVICE + "/referrals.referral.events", new ConsumerResumed(SERVICE, INSTANCE, SERVICE,
                "referrals.referral.events", AT.minusSeconds(90), AT, 90));
    }

    @PactVerifyProvider("ops.SlaBreached.v1")
    MessageAndMetadata slaBreached() {
        return published("6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d", new SlaBreached(SERVICE, "first-contact", "victim-case",
                "6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d", "maidstone", Instant.parse("2026-11-20T00:00:00Z"), AT));
    }

    @PactVerifyProvider("ops.BankHolidaysComputed.v1")
    MessageAndMetadata bankHolidaysComputed() {
        return published(SERVICE + "/bank-holidays/2031", new BankHolidaysComputed(SERVICE, INSTANCE, 2031, 2012, 2030, AT));
    }

    /** The dead letter and its report, as {@link DeadLetters} makes them for an unreadable event. */
    private List<ProducerRecord<String, byte[]>> deadLettered() {
        ConsumerRecord<String, byte[]> original = new ConsumerRecord<>("referrals.referral.events", 2, 41L,
                "0d6f1c2a-7e3b-4a59-9c1d-2f8e6b5a4c3d", "{\"district\":\"maidstone\"}".getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(new EventMetadata("8f0c1d3e-2b4a-4c5d-9e6f-7a8b9c0d1e2f", "referrals.ReferralRouted.v1",
                "/saferkent/referrals", "0d6f1c2a-7e3b-4a59-9c1d-2f8e6b5a4c3d", AT, "c0ffee00-1111-4222-8333-444455556666",
                "c0ffee00-1111-4222-8333-444455556666", 2, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                original.headers());
        new DeadLetters(producer, ops, new EventSource(SERVICE), SERVICE, clock)
                .accept(original, new RuntimeException(new InvalidEventException("missing field 'referralId'")));
        return producer.records;
    }

    @PactVerifyProvider("a dead letter on <topic>.<group>.dlq")
    MessageAndMetadata deadLetter() {
        return ProviderMessages.of(deadLettered().stream()
                .filter(record -> record.topic().endsWith(".dlq")).findFirst().orElseThrow());
    }

    @PactVerifyProvider("ops.DeadLetterRecorded.v1")
    MessageAndMetadata deadLetterRecorded() {
        return ProviderMessages.of(deadLettered().stream()
                .filter(record -> record.topic().equals("ops.events")).findFirst().orElseThrow());
    }
}
