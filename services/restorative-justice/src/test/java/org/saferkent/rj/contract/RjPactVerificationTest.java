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
import org.saferkent.rj.rjcase.domain.RjCaseClosed;
import org.saferkent.rj.rjcase.domain.RjCaseOpened;
import org.saferkent.rj.rjcase.domain.RjOutcomeRecorded;
import org.saferkent.rj.youthjustice.domain.FirstTimeEntrantRecorded;

/**
 * Restorative justice keeps every consumer's pact (contracts/pacts/*-restorative-justice.json):
 * referrals and commissioning, on rj.case.events and rj.disposal.events.
 */
@Provider("restorative-justice")
@PactFolder("../../contracts/pacts")
class RjPactVerificationTest {

    private static final String CASE_ID = "2f3e4d5c-6b7a-4980-8a1b-2c3d4e5f6a7b";
    private static final String REFERRAL_ID = "0d6f1c2a-7e3b-4a59-9c1d-2f8e6b5a4c3d";
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
        return ProviderMessages.outboxEvent("restorative-justice", CASE_ID, 1, new RjCaseOpened(CASE_ID, "referral",
                REFERRAL_ID, null, "gravesham", "violent-crime", List.of(), false, AT));
    }

    @PactVerifyProvider("rj.RjOutcomeRecorded.v1")
    MessageAndMetadata rjOutcomeRecorded() {
        return ProviderMessages.outboxEvent("restorative-justice", CASE_ID, 9, new RjOutcomeRecorded(CASE_ID, REFERRAL_ID,
                "gravesham", "violent-crime", "direct-conference", true, true, true, true, true, "completed", true,
                "community", 10, 4, true, true, AT));
    }

    @PactVerifyProvider("rj.RjCaseClosed.v1")
    MessageAndMetadata rjCaseClosed() {
        return ProviderMessages.outboxEvent("restorative-justice", CASE_ID, 10, new RjCaseClosed(CASE_ID, REFERRAL_ID,
                "referral", "gravesham", "completed", "completed", null, true, AT));
    }

    @PactVerifyProvider("rj.FirstTimeEntrantRecorded.v1")
    MessageAndMetadata firstTimeEntrantRecorded() {
        return ProviderMessages.outboxEvent("restorative-justice", PERSON, 1, new FirstTimeEntrantRecorded(PERSON,
                "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "gravesham", "2026-Q3", "youth-caution", LocalDate.of(2026, 8, 14),
                15, null, AT));
    }
}
