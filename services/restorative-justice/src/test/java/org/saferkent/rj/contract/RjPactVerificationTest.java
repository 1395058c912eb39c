package org.saferkent.rj.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saferkent.contracts.ProviderMessages;
import org.saferkent.rj.youthjustice.domain.FirstTimeEntrantRecorded;

/**
 * Restorative justice keeps every consumer's pact (contracts/pacts/*-restorative-justice.json):
 * referrals and commissioning, on rj.case.events (from a real case, {@link RjMessages}) and
 * rj.disposal.events (from the event record).
 */
@Provider("restorative-justice")
@PactFolder("../../contracts/pacts")
class RjPactVerificationTest {

    private static final String PERSON = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private static final Instant AT = Instant.parse("2026-11-20T09:32:00Z");

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void keepsTheConsumersPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of("org.saferkent.rj.contract")));
    }

    @PactVerifyProvider("rj.RjCaseOpened.v1")
    MessageAndMetadata rjCaseOpened() {
        return RjMessages.rjCaseOpened();
    }

    @PactVerifyProvider("rj.RjOutcomeRecorded.v1")
    MessageAndMetadata rjOutcomeRecorded() {
        return RjMessages.rjOutcomeRecorded();
    }

    @PactVerifyProvider("rj.RjCaseClosed.v1")
    MessageAndMetadata rjCaseClosed() {
        return RjMessages.rjCaseClosed();
    }

    @PactVerifyProvider("rj.FirstTimeEntrantRecorded.v1")
    MessageAndMetadata firstTimeEntrantRecorded() {
        return ProviderMessages.outboxEvent("restorative-justice", PERSON, 1, new FirstTimeEntrantRecorded(PERSON,
                "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "gravesham", "2026-Q3", "youth-caution", LocalDate.of(2026, 8, 14),
                15, null, AT));
    }
}
