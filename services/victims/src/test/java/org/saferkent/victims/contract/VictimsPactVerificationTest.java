package org.saferkent.victims.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
import org.saferkent.victims.victimcase.domain.VictimCaseClosed;
import org.saferkent.victims.victimcase.domain.VictimCaseOpened;
import org.saferkent.victims.victimcase.domain.VictimCodeDeadlineMissed;
import org.saferkent.victims.victimcase.domain.VictimContacted;
import org.saferkent.victims.victimcase.domain.VictimOptedIntoRestorativeJustice;
import org.saferkent.victims.victimcase.domain.VictimOutcomeRecorded;

/**
 * Victims keeps every consumer's pact (contracts/pacts/*-victims.json): referrals, restorative
 * justice and commissioning. Messages are victims' own event records through the outbox's
 * serialisation and CloudEvents headers.
 */
@Provider("victims")
@PactFolder("../../contracts/pacts")
class VictimsPactVerificationTest {

    private static final String CASE_ID = "6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d";
    private static final String REFERRAL_ID = "0d6f1c2a-7e3b-4a59-9c1d-2f8e6b5a4c3d";
    private static final String PSEUDONYM = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
    private static final Instant AT = Instant.parse("2026-11-20T09:31:02.5Z");

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void keepsTheConsumersPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of("org.saferkent.victims.contract")));
    }

    @PactVerifyProvider("victims.VictimCaseOpened.v1")
    MessageAndMetadata victimCaseOpened() {
        return ProviderMessages.outboxEvent("victims", CASE_ID, 1, new VictimCaseOpened(CASE_ID, REFERRAL_ID, "maidstone",
                "domestic-abuse", "domestic-abuse", AT, true, List.of("domestic-abuse"), Instant.parse("2026-11-23T00:00:00Z"),
                Instant.parse("2026-11-23T00:00:00Z")));
    }

    @PactVerifyProvider("victims.VictimContacted.v1")
    MessageAndMetadata victimContacted() {
        return ProviderMessages.outboxEvent("victims", CASE_ID, 2, new VictimContacted(CASE_ID, REFERRAL_ID, "maidstone",
                "phone", "made", AT, true, true, AT.plusSeconds(60)));
    }

    @PactVerifyProvider("victims.VictimCodeDeadlineMissed.v1")
    MessageAndMetadata victimCodeDeadlineMissed() {
        return ProviderMessages.outboxEvent("victims", CASE_ID, 2, new VictimCodeDeadlineMissed(CASE_ID, REFERRAL_ID,
                "maidstone", "first-contact", true, Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-23T00:00:07Z")));
    }

    @PactVerifyProvider("victims.VictimOutcomeRecorded.v1")
    MessageAndMetadata victimOutcomeRecorded() {
        return ProviderMessages.outboxEvent("victims", CASE_ID, 6, new VictimOutcomeRecorded(CASE_ID, REFERRAL_ID,
                "maidstone", "domestic-abuse", Map.of("accommodation", "improved", "health", "sustained"), true, AT));
    }

    @PactVerifyProvider("victims.VictimOptedIntoRestorativeJustice.v1")
    MessageAndMetadata victimOptedIntoRestorativeJustice() {
        return ProviderMessages.outboxEvent("victims", CASE_ID, 4, new VictimOptedIntoRestorativeJustice(CASE_ID,
                REFERRAL_ID, "maidstone", "violent-crime", PSEUDONYM, AT));
    }

    @PactVerifyProvider("victims.VictimCaseClosed.v1")
    MessageAndMetadata victimCaseClosed() {
        return ProviderMessages.outboxEvent("victims", CASE_ID, 7, new VictimCaseClosed(CASE_ID, REFERRAL_ID, "maidstone",
                "domestic-abuse", "completed", "cope-and-recover", AT));
    }
}
