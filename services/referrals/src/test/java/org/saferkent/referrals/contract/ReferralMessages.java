package org.saferkent.referrals.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import au.com.dius.pact.provider.MessageAndMetadata;
import org.saferkent.contracts.ProviderMessages;
import org.saferkent.referrals.dataprotection.Erasure;
import org.saferkent.referrals.referral.domain.Consent;
import org.saferkent.referrals.referral.domain.District;
import org.saferkent.referrals.referral.domain.NewReferral;
import org.saferkent.referrals.referral.domain.Pathway;
import org.saferkent.referrals.referral.domain.PersonalDetails;
import org.saferkent.referrals.referral.domain.Referral;
import org.saferkent.referrals.referral.domain.ReferralAccepted;
import org.saferkent.referrals.referral.domain.ReferralClock;
import org.saferkent.referrals.referral.domain.ReferralClosed;
import org.saferkent.referrals.referral.domain.ReferralDeclined;
import org.saferkent.referrals.referral.domain.ReferralLinked;
import org.saferkent.referrals.referral.domain.ReferralReceived;
import org.saferkent.referrals.referral.domain.ReferralRouted;
import org.saferkent.referrals.referral.domain.SubjectProfile;
import org.saferkent.referrals.referral.domain.Triage;
import org.saferkent.referrals.triage.domain.SubjectRole;

/**
 * The messages referrals publishes, made the way it makes them: the referral aggregate takes in a
 * referral (and then a service's answer), and each fact it produces goes through the outbox's JSON and
 * CloudEvents headers ({@link ProviderMessages#outboxEvent}); an erasure's announcement is made by the
 * erasure record itself, as {@code Erasures} makes it. Verification and the gate's tests use them.
 */
public final class ReferralMessages {

    static final String REFERRAL_ID = "0d6f1c2a-7e3b-4a59-9c1d-2f8e6b5a4c3d";
    static final String CASE_ID = "3c2b1a09-8f7e-4d6c-9b5a-493827160504";
    static final String PSEUDONYM = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
    static final Instant AT = Instant.parse("2026-11-20T09:30:12.345Z");
    static final String ERASURE_ID = "e1a5e0c4-6b2d-4f7a-8e9c-0d1f2a3b4c5d";
    /** The subject's pseudonym under an earlier partnership secret. */
    static final String FORMER_PSEUDONYM = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    private ReferralMessages() {
    }

    private static NewReferral request() {
        return new NewReferral("kent-police", "KP-2026-0001", District.MAIDSTONE, "domestic-abuse", List.of("repeat-victim"),
                null, SubjectRole.VICTIM, new PersonalDetails("Alex Example", LocalDate.of(1988, 3, 14), "ME14 1XX", null, null,
                        null, null), List.of("disability"), "46/1234/26", LocalDate.of(2026, 11, 19),
                List.of(Pathway.VICTIM_SUPPORT, Pathway.RESTORATIVE_JUSTICE),
                new Consent(true, LocalDate.of(2026, 11, 19), "PC 4411", null, null), null, false,
                Instant.parse("2026-11-19T22:05:00Z"));
    }

    private static Referral.Change received(Referral.Placement placement) {
        return Referral.receive(REFERRAL_ID, request(),
                new SubjectProfile(SubjectRole.VICTIM, PSEUDONYM, "25-34", 38, List.of("disability")),
                new Triage("high", 15, false, true, List.of("high-risk")), placement,
                List.of(new ReferralClock(ReferralClock.VICTIM_DETAILS, Instant.parse("2026-11-24T00:00:00Z"), null, null)), AT);
    }

    private static Referral routed() {
        return received(new Referral.Placement(null, null, List.of("victim-support", "restorative-justice"))).referral();
    }

    private static MessageAndMetadata publish(long version, Object event) {
        return ProviderMessages.outboxEvent("referrals", REFERRAL_ID, version, event);
    }

    private static <T> T only(List<Object> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("the referral produced no " + type.getSimpleName()));
    }

    public static MessageAndMetadata referralRouted() {
        return publish(1, only(received(new Referral.Placement(null, null, List.of("victim-support"))).events(),
                ReferralRouted.class));
    }

    public static MessageAndMetadata referralReceived() {
        return publish(1, only(received(new Referral.Placement(null, null, List.of("victim-support"))).events(),
                ReferralReceived.class));
    }

    public static MessageAndMetadata referralLinked() {
        return publish(1, only(received(new Referral.Placement("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "same-crime-reference", List.of())).events(), ReferralLinked.class));
    }

    public static MessageAndMetadata referralAccepted() {
        return publish(2, only(routed().caseOpened("victim-support", CASE_ID, AT.plusSeconds(60)).events(),
                ReferralAccepted.class));
    }

    public static MessageAndMetadata referralDeclined() {
        return publish(2, only(routed().caseDeclined("restorative-justice", CASE_ID, "offender-unknown", AT.plusSeconds(60))
                .events(), ReferralDeclined.class));
    }

    /** A case opened from the referral closed with its outcome (as a partner team closes one in its inbox). */
    public static MessageAndMetadata referralClosed() {
        Referral accepted = routed().caseOpened("victim-support", CASE_ID, AT.plusSeconds(60)).referral();
        return publish(3, only(accepted.caseClosed("victim-support", CASE_ID, "completed", AT.plusSeconds(120)).events(),
                ReferralClosed.class));
    }

    /**
     * A subject known by two pseudonyms (one from before the secret rotated) erased on request: two data
     * keys destroyed, announced on the subject topic keyed by the erasure id.
     */
    public static MessageAndMetadata subjectErased() {
        Erasure erasure = new Erasure(ERASURE_ID, PSEUDONYM, List.of(PSEUDONYM, FORMER_PSEUDONYM), 2, AT, "dpo", "DSR-2026-0042");
        return ProviderMessages.outboxEvent("referrals", ERASURE_ID, 1, erasure.announcement());
    }
}
