package org.saferkent.partnership.panel.contract;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.PactMessages.envelope;
import static org.saferkent.contracts.PactMessages.payload;

import java.util.List;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;

import org.junit.jupiter.api.Test;
import org.saferkent.contracts.ConsumerPactTest;
import org.saferkent.partnership.panel.adapter.in.messaging.FeedEntry;
import org.saferkent.platform.events.CloudEventHeaders;

/** What the Police and Crime Panel's view reads of the PCC's feed (contracts/pacts/partnership-commissioning.json). */
@ConsumerPactTest
@PactTestFor(providerName = "commissioning", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class PartnershipConsumesCommissioningPactTest {

    private static final String KEY = "3f2a1b0c-1111-4222-8333-a44455556666|maidstone|2026-Q3";
    private static final String CELL = "^[^|]+\\|[a-z-]+\\|[0-9]{4}-Q[1-4]$";

    @Pact(consumer = "partnership")
    MessagePact performanceSnapshot(MessagePactBuilder builder) {
        return builder.expectsToReceive("commissioning.PerformanceSnapshot.v1")
                .withMetadata(metadata -> {
                    metadata.add(CloudEventHeaders.TYPE, "commissioning.PerformanceSnapshot.v1");
                    metadata.add(CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPEC_VERSION);
                    metadata.add(CloudEventHeaders.SOURCE, "/saferkent/commissioning");
                    metadata.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
                    metadata.matchRegex(CloudEventHeaders.ID, "^.+$", "0b7d3c52-6c1e-3a9f-8d4e-2f1a0b9c8d7e");
                    metadata.matchRegex(CloudEventHeaders.SUBJECT, CELL, KEY);
                    metadata.matchRegex(CloudEventHeaders.TIME, "^\\d{4}-\\d{2}-\\d{2}T.+$", "2026-11-20T09:35:00Z");
                    metadata.matchRegex(CloudEventHeaders.AGGREGATE_VERSION, "^[1-9][0-9]*$", "42");
                })
                .withContent(newJsonBody(body -> {
                    body.integerType("sequence", 42);
                    body.stringMatcher("key", CELL, KEY);
                    body.stringType("contractId", "3f2a1b0c-1111-4222-8333-a44455556666");
                    body.stringType("district", "maidstone");
                    body.stringMatcher("quarter", "^[0-9]{4}-Q[1-4]$", "2026-Q3");
                    body.booleanType("removed", false);
                    body.object("performance", performance -> {
                        performance.stringType("service", "Kent and Medway victim care");
                        performance.object("counts", counts -> {
                            counts.integerType("referralsRouted", 2);
                            counts.integerType("victimsSupported", 0);
                        });
                    });
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "performanceSnapshot")
    void anEntryGivesItsCellSequenceAndCounts(List<Message> messages) {
        assertThat(envelope(messages.get(0)).type()).isEqualTo("commissioning.PerformanceSnapshot.v1");
        FeedEntry entry = payload(messages.get(0), FeedEntry.class);

        assertThat(entry.sequence()).isEqualTo(42L);
        assertThat(entry.quarter()).isEqualTo("2026-Q3");
        assertThat(entry.performance().counts()).containsEntry("referralsRouted", 2);
    }
}
