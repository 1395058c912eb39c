package org.saferkent.ops.contract;

import java.util.List;
import java.util.Map;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.saferkent.contracts.ConsumerPactTest;
import org.saferkent.ops.stream.StreamEvent;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.messaging.DeadLetterHeaders;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.CloudEventExpectations.INSTANT;
import static org.saferkent.contracts.CloudEventExpectations.cloudEvent;
import static org.saferkent.contracts.PactMessages.envelope;
import static org.saferkent.contracts.PactMessages.headers;
import static org.saferkent.contracts.PactMessages.payload;

/**
 * What ops-monitor reads of what platform messaging publishes from every service
 * (contracts/pacts/ops-monitor-platform-ops.json): each ops event type on {@code ops.events}, read as
 * the map its operational picture records, and a dead letter on {@code <topic>.<group>.dlq}, read by
 * its {@code x-dlq-*} and CloudEvents headers alone.
 */
@ConsumerPactTest
@PactTestFor(providerName = "platform-ops", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class OpsMonitorConsumesPlatformOpsPactTest {

    private static final String OPS_SOURCE = "^/saferkent/[a-z-]+$";

    private static MessagePact opsEvent(MessagePactBuilder builder, String wireName, java.util.function.Consumer<LambdaDslObject> fields) {
        return builder.expectsToReceive(wireName)
                .withMetadata(cloudEvent(wireName, "/saferkent/victims").andThen(m -> m.matchRegex(CloudEventHeaders.SOURCE,
                        OPS_SOURCE, "/saferkent/victims")))
                .withContent(newJsonBody(body -> {
                    body.stringType("service", "victims");
                    fields.accept(body);
                }).build())
                .toPact();
    }

    @Pact(consumer = "ops-monitor")
    MessagePact serviceStarted(MessagePactBuilder builder) {
        return opsEvent(builder, "ops.ServiceStarted.v1", body -> body.stringType("instance", "local-a1b2c3"));
    }

    @Pact(consumer = "ops-monitor")
    MessagePact serviceStopping(MessagePactBuilder builder) {
        return opsEvent(builder, "ops.ServiceStopping.v1", body -> body.stringType("instance", "local-a1b2c3"));
    }

    @Pact(consumer = "ops-monitor")
    MessagePact serviceHeartbeat(MessagePactBuilder builder) {
        return opsEvent(builder, "ops.ServiceHeartbeat.v1", body -> {
            body.stringType("instance", "local-a1b2c3");
            body.integerType("backlog", 3);
            body.booleanType("backlogHigh", false);
            body.integerType("published", 120);
        });
    }

    @Pact(consumer = "ops-monitor")
    MessagePact backlogHigh(MessagePactBuilder builder) {
        return opsEvent(builder, "ops.OutboxBacklogHigh.v1", body -> {
            body.stringType("instance", "local-a1b2c3");
            body.integerType("backlog", 1500);
        });
    }

    @Pact(consumer = "ops-monitor")
    MessagePact backlogCleared(MessagePactBuilder builder) {
        return opsEvent(builder, "ops.OutboxBacklogCleared.v1", body -> {
            body.stringType("instance", "local-a1b2c3");
            body.integerType("backlog", 10);
        });
    }

    @Pact(consumer = "ops-monitor")
    MessagePact outboxEventParked(MessagePactBuilder builder) {
        return opsEvent(builder, "ops.OutboxEventParked.v1", body -> {
            body.stringType("collection", "victimCases");
            body.stringType("eventType", "victims.VictimCaseOpened.v1");
            body.stringType("reason", "org.apache.kafka.common.errors.RecordTooLargeException");
        });
    }

    @Pact(consumer = "ops-monitor")
    MessagePact circuitStateChanged(MessagePactBuilder builder) {
        return opsEvent(builder, "ops.CircuitStateChanged.v1", body -> {
            body.stringType("instance", "local-a1b2c3");
            body.stringType("circuit", "referrals-subject");
            body.stringType("fromState", "CLOSED");
            body.stringType("toState", "OPEN");
            body.numberType("failureRate", 75.0);
            body.stringMatcher("changedAt", INSTANT, "2026-11-20T09:30:00Z");
        });
    }

    @Pact(consumer = "ops-monitor")
    MessagePact consumerPaused(MessagePactBuilder builder) {
        return opsEvent(builder, "ops.ConsumerPaused.v1", body -> {
            body.stringType("instance", "local-a1b2c3");
            body.stringType("consumerGroup", "victims");
            body.stringType("topic", "referrals.referral.events");
            body.stringType("reason", "com.mongodb.MongoSocketOpenException");
            body.stringMatcher("pausedAt", INSTANT, "2026-11-20T09:30:00Z");
        });
    }

    @Pact(consumer = "ops-monitor")
    MessagePact consumerResumed(MessagePactBuilder builder) {
        return opsEvent(builder, "ops.ConsumerResumed.v1", body -> {
            body.stringType("instance", "local-a1b2c3");
            body.stringType("consumerGroup", "victims");
            body.stringType("topic", "referrals.referral.events");
            body.stringMatcher("pausedAt", INSTANT, "2026-11-20T09:30:00Z");
            body.stringMatcher("resumedAt", INSTANT, "2026-11-20T09:31:30Z");
        });
    }

    @Pact(consumer = "ops-monitor")
    MessagePact slaBreached(MessagePactBuilder builder) {
        return opsEvent(builder, "ops.SlaBreached.v1", body -> {
            body.stringType("clock", "first-contact");
            body.stringType("aggregateType", "victim-case");
            body.stringType("subject", "c1d2e3f4-3333-4444-8555-b66677778888");
            body.stringType("district", "maidstone");
            body.stringMatcher("dueAt", INSTANT, "2026-11-23T17:00:00Z");
            body.stringMatcher("breachedAt", INSTANT, "2026-11-23T17:00:05Z");
        });
    }

    @Pact(consumer = "ops-monitor")
    MessagePact bankHolidaysComputed(MessagePactBuilder builder) {
        return opsEvent(builder, "ops.BankHolidaysComputed.v1", body -> {
            body.stringType("instance", "local-a1b2c3");
            body.integerType("year", 2031);
            body.integerType("lastListedYear", 2030);
        });
    }

    @Pact(consumer = "ops-monitor")
    MessagePact deadLetterRecorded(MessagePactBuilder builder) {
        return opsEvent(builder, "ops.DeadLetterRecorded.v1", body -> {
            body.stringType("consumerGroup", "victims");
            body.stringType("sourceTopic", "referrals.referral.events");
            body.stringType("deadLetterTopic", "referrals.referral.events.victims.dlq");
            body.stringMatcher("failure", "^(INVALID|TRANSIENT)$", "INVALID");
            body.stringType("reason", "missing field 'referralId'");
        });
    }

    @Pact(consumer = "ops-monitor")
    MessagePact deadLetter(MessagePactBuilder builder) {
        return builder.expectsToReceive("a dead letter on <topic>.<group>.dlq")
                .withMetadata(metadata -> {
                    metadata.matchRegex(DeadLetterHeaders.ORIGINAL_TOPIC, "^[a-z0-9.-]+$", "referrals.referral.events");
                    metadata.matchRegex(DeadLetterHeaders.ORIGINAL_PARTITION, "^\\d+$", "2");
                    metadata.matchRegex(DeadLetterHeaders.ORIGINAL_OFFSET, "^\\d+$", "41");
                    metadata.matchRegex(DeadLetterHeaders.GROUP, "^[a-z-]+$", "victims");
                    metadata.matchRegex(DeadLetterHeaders.SERVICE, "^[a-z-]+$", "victims");
                    metadata.matchRegex(DeadLetterHeaders.FAILURE, "^(INVALID|TRANSIENT)$", "INVALID");
                    metadata.matchRegex(DeadLetterHeaders.REASON, "^.+$", "missing field 'referralId'");
                    metadata.matchRegex(DeadLetterHeaders.FAILED_AT, "^\\d{4}-\\d{2}-\\d{2}T.+Z$", "2026-11-20T09:30:00Z");
                    metadata.matchRegex(CloudEventHeaders.TYPE, "^[a-z][a-z0-9-]*\\.[A-Z][A-Za-z0-9]*\\.v[1-9][0-9]*$",
                            "referrals.ReferralRouted.v1");
                    metadata.matchRegex(CloudEventHeaders.ID, "^.+$", "8f0c1d3e-2b4a-4c5d-9e6f-7a8b9c0d1e2f");
                    metadata.matchRegex(CloudEventHeaders.TRACEPARENT, "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
                })
                .toPact(); // the body is the original record, which may not even be JSON: ops-monitor reads none of it
    }

    @Test
    @PactTestFor(pactMethods = {"serviceStarted", "serviceStopping", "serviceHeartbeat", "backlogHigh", "backlogCleared",
            "outboxEventParked", "circuitStateChanged", "consumerPaused", "consumerResumed", "slaBreached", "bankHolidaysComputed", "deadLetterRecorded"})
    @SuppressWarnings("unchecked")
    void everyOpsEventNamesTheServiceItIsAbout(List<Message> messages) {
        assertThat(messages).hasSize(12);
        for (Message message : messages) {
            EventMetadata envelope = envelope(message);
            Map<String, Object> data = payload(message, Map.class);
            assertThat(StreamEvent.serviceOf(data, envelope.source())).as(envelope.type()).isEqualTo("victims");
            assertThat(StreamEvent.kindOf(envelope.type())).as(envelope.type()).isNotBlank();
        }
        Map<String, Object> circuit = payload(messages.stream()
                .filter(m -> "ops.CircuitStateChanged.v1".equals(envelope(m).type())).findFirst().orElseThrow(), Map.class);
        assertThat(circuit).containsEntry("circuit", "referrals-subject").containsEntry("toState", "OPEN");
        assertThat(circuit.get("failureRate")).isInstanceOf(Number.class);
        Map<String, Object> paused = payload(messages.stream()
                .filter(m -> "ops.ConsumerPaused.v1".equals(envelope(m).type())).findFirst().orElseThrow(), Map.class);
        assertThat(paused).containsEntry("topic", "referrals.referral.events").containsEntry("consumerGroup", "victims");
    }

    @Test
    @PactTestFor(pactMethod = "deadLetter")
    void aDeadLetterSaysWhereItCameFromAndWhy(List<Message> messages) {
        Headers headers = headers(messages.get(0));

        assertThat(CloudEventHeaders.get(headers, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("referrals.referral.events");
        assertThat(Integer.parseInt(CloudEventHeaders.get(headers, DeadLetterHeaders.ORIGINAL_PARTITION))).isEqualTo(2);
        assertThat(Long.parseLong(CloudEventHeaders.get(headers, DeadLetterHeaders.ORIGINAL_OFFSET))).isEqualTo(41L);
        assertThat(CloudEventHeaders.get(headers, DeadLetterHeaders.GROUP)).isEqualTo("victims");
        assertThat(CloudEventHeaders.get(headers, DeadLetterHeaders.FAILURE)).isEqualTo("INVALID");
        assertThat(CloudEventHeaders.get(headers, DeadLetterHeaders.REASON)).isEqualTo("missing field 'referralId'");
        assertThat(CloudEventHeaders.get(headers, CloudEventHeaders.TYPE)).isEqualTo("referrals.ReferralRouted.v1");
    }
}
