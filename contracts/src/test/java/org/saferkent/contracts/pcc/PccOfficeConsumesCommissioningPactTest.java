package org.saferkent.contracts.pcc;

import java.time.LocalDate;
import java.util.List;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PM;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;
import org.junit.jupiter.api.Test;
import org.saferkent.contracts.ConsumerPactTest;
import org.saferkent.contracts.PactMessages;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.CloudEventExpectations.DATE;

/**
 * What the PCC's office reads of commissioning's feed for it (topic {@code commissioning.pcc-feed}, compacted) —
 * contracts/pacts/pcc-office-commissioning.json. The office is outside this system and has no module
 * here, so its side of the pact lives in the contracts module, with its own tolerant record
 * ({@link PccFeedEntry}); commissioning verifies it in {@code CommissioningPactVerificationTest}.
 *
 * <p>The office is shown figures under disclosure control (audience {@code pcc-office}): a count may be null,
 * with its reason in {@code suppressed}, and so may a measure computed from one; an entry may be a contract's
 * Kent total for the quarter (district {@code kent}, no targets). It never reads {@code commissioning.feed}, whose
 * figures are exact (the broker lets it read only its own topic).
 *
 * <p>It relies on the envelope every consumer needs (wire name, spec version, source, id, time, JSON),
 * on {@code ce_subject} being the record's key {@code <contractId>|<district>|<quarter>} and on
 * {@code ce_aggregateversion} being the feed sequence, which orders a cell's changes. The feed carries
 * no request chain, so the office relies on neither a correlation id nor trace context.
 *
 * <p>The office reads nothing of {@code commissioning.contract.events}: it makes those changes itself,
 * through commissioning's API. A cell the contract stopped covering is a tombstone (no value): a message
 * pact cannot state an absent body, so it is not in the pact.
 */
@ConsumerPactTest
@PactTestFor(providerName = "commissioning", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class PccOfficeConsumesCommissioningPactTest {

    static final String PUBLISHED = "commissioning.PublishedPerformance.v1";
    private static final String KEY = "3f2a1b0c-1111-4222-8333-a44455556666|maidstone|2026-Q3";
    private static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    private static final String RFC3339 = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$";
    private static final String CELL = "^[^|]+\\|[a-z-]+\\|[0-9]{4}-Q[1-4]$";
    private static final String DISTRICT = "^(ashford|canterbury|dartford|dover|gravesham|maidstone|sevenoaks"
            + "|folkestone-and-hythe|swale|thanet|tonbridge-and-malling|tunbridge-wells|kent)$";

    @Pact(consumer = "pcc-office")
    MessagePact publishedPerformance(MessagePactBuilder builder) {
        return builder.expectsToReceive(PUBLISHED)
                .withMetadata(metadata -> {
                    metadata.add(CloudEventHeaders.TYPE, PUBLISHED);
                    metadata.add(CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPEC_VERSION);
                    metadata.add(CloudEventHeaders.SOURCE, "/saferkent/commissioning");
                    metadata.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
                    metadata.matchRegex(CloudEventHeaders.ID, UUID, "0b7d3c52-6c1e-3a9f-8d4e-2f1a0b9c8d7e");
                    metadata.matchRegex(CloudEventHeaders.SUBJECT, CELL, KEY);
                    metadata.matchRegex(CloudEventHeaders.TIME, RFC3339, "2026-11-20T09:35:00Z");
                    metadata.matchRegex(CloudEventHeaders.AGGREGATE_VERSION, "^[1-9][0-9]*$", "42");
                })
                .withContent(newJsonBody(body -> {
                    body.integerType("sequence", 42);
                    body.stringMatcher("key", CELL, KEY);
                    body.stringType("contractId", "3f2a1b0c-1111-4222-8333-a44455556666");
                    body.stringMatcher("district", DISTRICT, "maidstone");
                    body.stringMatcher("quarter", "^[0-9]{4}-Q[1-4]$", "2026-Q3");
                    body.booleanType("removed", false);
                    body.object("performance", performance -> {
                        performance.stringType("provider", "Victim Support Kent");
                        performance.stringType("service", "Kent and Medway victim care");
                        performance.stringMatcher("financialYearQuarter", "^[0-9]{4}/[0-9]{2}-Q[1-4]$", "2026/27-Q2");
                        performance.stringMatcher("coveredFrom", DATE, "2026-07-01");
                        performance.stringMatcher("coveredTo", DATE, "2026-09-30");
                        performance.object("counts", counts -> {
                            // a count is a whole number, or null when the office may not see it
                            counts.or("referralsRouted", 7, PM.integerType(), PM.nullValue());
                            counts.or("referralsAccepted", 5, PM.integerType(), PM.nullValue());
                            counts.or("referralsDeclined", null, PM.integerType(), PM.nullValue());
                            counts.or("victimsSupported", 0, PM.integerType(), PM.nullValue());
                            counts.or("victimCasesOpened", 6, PM.integerType(), PM.nullValue());
                            counts.or("victimCasesDeclined", 0, PM.integerType(), PM.nullValue());
                            counts.or("victimCasesUnableToContact", 0, PM.integerType(), PM.nullValue());
                            counts.integerType("valueProRatedPence", 3024658); // money: never withheld
                        });
                        performance.object("measures", measures ->
                                measures.or("referralsAcceptedShare", null, PM.numberType(), PM.nullValue()));
                        performance.eachLike("targets", target -> { // none for a Kent total
                            target.stringType("measure", "referrals-accepted-share");
                            target.numberType("target", 0.8);
                            target.stringMatcher("status", "^(green|amber|red|no-data)$", "red");
                        });
                        performance.object("suppressed", suppressed -> suppressed.eachKeyLike("referralsDeclined",
                                PactDslJsonRootValue.stringMatcher("^(primary|secondary)$", "primary")));
                    });
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "publishedPerformance")
    void anEntryIsTheLatestPerformanceOfOneContractInOneDistrictAndQuarterAsTheOfficeMaySeeIt(List<Message> messages) {
        Message message = messages.get(0);
        EventMetadata envelope = PactMessages.envelope(message);
        PccFeedEntry entry = PactMessages.payload(message, PccFeedEntry.class);

        assertThat(envelope.type()).isEqualTo(PUBLISHED);
        assertThat(envelope.subject()).isEqualTo(entry.key())
                .isEqualTo(entry.contractId() + "|" + entry.district() + "|" + entry.quarter());
        assertThat(envelope.aggregateVersion()).isEqualTo(entry.sequence());
        assertThat(entry.removed()).isFalse();
        assertThat(entry.performance().financialYearQuarter()).isEqualTo("2026/27-Q2");
        assertThat(entry.performance().coveredFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(entry.performance().coveredTo()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(entry.performance().counts().referralsAccepted()).isEqualTo(5);
        assertThat(entry.performance().counts().victimCasesOpened()).as("opened, beside those supported").isEqualTo(6);
        assertThat(entry.performance().counts().referralsDeclined()).as("withheld, not 0").isNull();
        assertThat(entry.performance().suppressed()).containsEntry("referralsDeclined", "primary");
        assertThat(entry.performance().measures().referralsAcceptedShare()).as("computed from a withheld count").isNull();
        assertThat(entry.performance().targets()).singleElement()
                .satisfies(target -> assertThat(target.status()).isEqualTo("red"));
    }
}
