package org.saferkent.referrals.contract;

import java.time.Instant;
import java.util.List;

import au.com.dius.pact.provider.MessageAndMetadata;
import org.saferkent.contracts.ProviderMessages;
import org.saferkent.referrals.referral.domain.ReferralAccepted;
import org.saferkent.referrals.referral.domain.ReferralDeclined;
import org.saferkent.referrals.referral.domain.ReferralLinked;
import org.saferkent.referrals.referral.domain.ReferralRouted;

/**
 * The messages referrals publishes, as its outbox publishes them: its own event records, their wire
 * names, the outbox's JSON and CloudEvents headers. Verification and the gate's tests use them.
 */
public final class ReferralMessages {

    static final String REFERRAL_ID = "0d6f1c2a-7e3b-4a59-9c1d-2f8e6b5a4c3d";
    static final String PSEUDONYM = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
    static final Instant AT = Instant.parse("2026-11-20T09:30:12.345Z");

    private ReferralMessages() {
    }

    public static MessageAndMetadata referralRouted() {
        return ProviderMessages.outboxEvent("referrals", REFERRAL_ID, 3, new ReferralRouted(REFERRAL_ID, "maidstone",
                "domestic-abuse", List.of("repeat-victim"), "victim-support", "high", true, "victim", PSEUDONYM, "25-34",
                List.of("disability"), AT));
    }

    public static MessageAndMetadata referralLinked() {
        return ProviderMessages.outboxEvent("referrals", REFERRAL_ID, 1, new ReferralLinked(REFERRAL_ID,
                "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "kent-fire", "maidstone", "domestic-abuse", PSEUDONYM,
                "same-crime-reference", AT));
    }

    public static MessageAndMetadata referralAccepted() {
        return ProviderMessages.outboxEvent("referrals", REFERRAL_ID, 4, new ReferralAccepted(REFERRAL_ID, "victim-support",
                "3c2b1a09-8f7e-4d6c-9b5a-493827160504", "maidstone", AT));
    }

    public static MessageAndMetadata referralDeclined() {
        return ProviderMessages.outboxEvent("referrals", REFERRAL_ID, 4, new ReferralDeclined(REFERRAL_ID,
                "restorative-justice", "3c2b1a09-8f7e-4d6c-9b5a-493827160504", "offender-unknown", "maidstone", AT));
    }
}
