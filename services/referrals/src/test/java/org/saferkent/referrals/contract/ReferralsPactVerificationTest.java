package org.saferkent.referrals.contract;

import java.time.Instant;
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
import org.saferkent.referrals.referral.domain.ReferralAccepted;
import org.saferkent.referrals.referral.domain.ReferralDeclined;
import org.saferkent.referrals.referral.domain.ReferralLinked;
import org.saferkent.referrals.referral.domain.ReferralRouted;

/**
 * Referrals keeps every consumer's pact (contracts/pacts/*-referrals.json): each message is built
 * from referrals' own event record through the serialisation and headers its outbox publishes, and
 * Pact checks body and metadata. A failure here fails the build: referrals cannot ship it.
 */
@Provider("referrals")
@PactFolder("../../contracts/pacts")
class ReferralsPactVerificationTest {

    static final String REFERRAL_ID = "0d6f1c2a-7e3b-4a59-9c1d-2f8e6b5a4c3d";
    static final String PSEUDONYM = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
    static final Instant AT = Instant.parse("2026-11-20T09:30:12.345Z");

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void keepsTheConsumersPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of("org.saferkent.referrals.contract")));
    }

    static ReferralRouted routed() {
        return new ReferralRouted(REFERRAL_ID, "maidstone", "domestic-abuse", List.of("repeat-victim"), "victim-support",
                "high", true, "victim", PSEUDONYM, "25-34", List.of("disability"), AT);
    }

    @PactVerifyProvider("referrals.ReferralRouted.v1")
    MessageAndMetadata referralRouted() {
        return ProviderMessages.outboxEvent("referrals", REFERRAL_ID, 3, routed());
    }

    @PactVerifyProvider("referrals.ReferralLinked.v1")
    MessageAndMetadata referralLinked() {
        return ProviderMessages.outboxEvent("referrals", REFERRAL_ID, 1, new ReferralLinked(REFERRAL_ID,
                "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "kent-fire", "maidstone", "domestic-abuse", PSEUDONYM,
                "same-crime-reference", AT));
    }

    @PactVerifyProvider("referrals.ReferralAccepted.v1")
    MessageAndMetadata referralAccepted() {
        return ProviderMessages.outboxEvent("referrals", REFERRAL_ID, 4, new ReferralAccepted(REFERRAL_ID, "victim-support",
                "3c2b1a09-8f7e-4d6c-9b5a-493827160504", "maidstone", AT));
    }

    @PactVerifyProvider("referrals.ReferralDeclined.v1")
    MessageAndMetadata referralDeclined() {
        return ProviderMessages.outboxEvent("referrals", REFERRAL_ID, 4, new ReferralDeclined(REFERRAL_ID,
                "restorative-justice", "3c2b1a09-8f7e-4d6c-9b5a-493827160504", "offender-unknown", "maidstone", AT));
    }
}
