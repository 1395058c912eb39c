package org.saferkent.victims.contract;

import java.time.Instant;
import java.util.List;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;
import org.junit.jupiter.api.Test;
import org.saferkent.contracts.ConsumerPactTest;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.victims.dataprotection.SubjectErasure;
import org.saferkent.victims.victimcase.adapter.in.messaging.LinkedReferral;
import org.saferkent.victims.victimcase.adapter.in.messaging.RoutedReferral;
import org.saferkent.victims.victimcase.domain.VictimProfile;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.CloudEventExpectations.INSTANT;
import static org.saferkent.contracts.CloudEventExpectations.PSEUDONYM;
import static org.saferkent.contracts.CloudEventExpectations.cloudEvent;
import static org.saferkent.contracts.PactMessages.envelope;
import static org.saferkent.contracts.PactMessages.payload;

/**
 * What victims needs from referrals' events (contracts/pacts/victims-referrals.json): the fields its
 * own {@link RoutedReferral}, {@link LinkedReferral} and {@link SubjectErasure} (an erasure it carries
 * out on its own copy) read, by type, and the CloudEvents headers.
 * Each example goes through the real envelope check and the real tolerant reading.
 */
@ConsumerPactTest
@PactTestFor(providerName = "referrals", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class VictimsConsumesReferralsPactTest {

    private static final String REFERRAL_ID = "a3b2c1d0-1111-4222-8333-944455556666";
    private static final String SUBJECT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String FORMER_SUBJECT = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    private static final String ERASURE_ID = "c5d4e3f2-3333-4444-8555-b66677778888";

    @Pact(consumer = "victims")
    MessagePact referralRouted(MessagePactBuilder builder) {
        return builder.expectsToReceive("referrals.ReferralRouted.v1")
                .withMetadata(cloudEvent("referrals.ReferralRouted.v1", "/saferkent/referrals", "^.+$", REFERRAL_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("referralId", REFERRAL_ID);
                    body.stringType("district", "maidstone");
                    body.stringType("category", "domestic-abuse");
                    body.minArrayLike("flags", 0, PactDslJsonRootValue.stringType("repeat-victim"), 1);
                    body.stringType("pathway", "victim-support");
                    body.stringType("riskLevel", "high");
                    body.booleanType("marac", true);
                    body.stringType("subjectRole", "victim");
                    body.stringMatcher("subjectPseudonym", PSEUDONYM, SUBJECT);
                    body.stringType("ageBand", "25-34");
                    body.minArrayLike("vulnerabilities", 0, PactDslJsonRootValue.stringType("disability"), 1);
                    // the Victims' Code time limits run from the routing, not from when victims reads it
                    body.stringMatcher("routedAt", INSTANT, "2026-11-27T16:30:00.123Z");
                }).build())
                .toPact();
    }

    @Pact(consumer = "victims")
    MessagePact referralLinked(MessagePactBuilder builder) {
        return builder.expectsToReceive("referrals.ReferralLinked.v1")
                .withMetadata(cloudEvent("referrals.ReferralLinked.v1", "/saferkent/referrals", "^.+$", REFERRAL_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("referralId", REFERRAL_ID);
                    body.stringType("linkedTo", "b4c3d2e1-2222-4333-8444-a55566667777");
                }).build())
                .toPact();
    }

    /** Erasure: every pseudonym the person has had (the current one and those under earlier secrets), and when. */
    @Pact(consumer = "victims")
    MessagePact subjectErased(MessagePactBuilder builder) {
        return builder.expectsToReceive("referrals.SubjectErased.v1")
                .withMetadata(cloudEvent("referrals.SubjectErased.v1", "/saferkent/referrals", "^.+$", ERASURE_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("erasureId", ERASURE_ID);
                    body.stringMatcher("subjectPseudonym", PSEUDONYM, SUBJECT);
                    body.minArrayLike("formerPseudonyms", 0, PactDslJsonRootValue.stringMatcher(PSEUDONYM, FORMER_SUBJECT), 1);
                    body.stringMatcher("erasedAt", INSTANT, "2026-11-27T14:05:09.123Z");
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "referralRouted")
    void aRoutedReferralGivesTheVictimsProfile(List<Message> messages) {
        Message message = messages.get(0);
        EventMetadata envelope = envelope(message);
        RoutedReferral routed = payload(message, RoutedReferral.class);

        assertThat(envelope.type()).isEqualTo("referrals.ReferralRouted.v1");
        assertThat(routed.referralId()).isEqualTo(REFERRAL_ID);
        assertThat(routed.pathway()).isEqualTo("victim-support");
        assertThat(routed.district()).isEqualTo("maidstone");
        assertThat(routed.category()).isEqualTo("domestic-abuse");
        VictimProfile profile = routed.profile();
        assertThat(profile.riskLevel()).isEqualTo("high");
        assertThat(profile.marac()).isTrue();
        assertThat(profile.subjectRole()).isEqualTo("victim");
        assertThat(profile.subjectPseudonym()).isEqualTo(SUBJECT);
        assertThat(profile.ageBand()).isEqualTo("25-34");
        assertThat(profile.vulnerabilities()).containsExactly("disability");
        assertThat(profile.flags()).containsExactly("repeat-victim");
        assertThat(routed.routedAt()).isEqualTo(Instant.parse("2026-11-27T16:30:00.123Z"));
    }

    @Test
    @PactTestFor(pactMethod = "referralLinked")
    void aLinkedReferralNamesTheReferralItDuplicates(List<Message> messages) {
        LinkedReferral linked = payload(messages.get(0), LinkedReferral.class);

        assertThat(envelope(messages.get(0)).type()).isEqualTo("referrals.ReferralLinked.v1");
        assertThat(linked.referralId()).isEqualTo(REFERRAL_ID);
        assertThat(linked.linkedTo()).isEqualTo("b4c3d2e1-2222-4333-8444-a55566667777");
    }

    @Test
    @PactTestFor(pactMethod = "subjectErased")
    void anErasureNamesEveryPseudonymOfThePersonToShred(List<Message> messages) {
        SubjectErasure erasure = payload(messages.get(0), SubjectErasure.class);

        assertThat(envelope(messages.get(0)).type()).isEqualTo("referrals.SubjectErased.v1");
        assertThat(erasure.erasureId()).isEqualTo(ERASURE_ID);
        assertThat(erasure.pseudonyms()).containsExactly(SUBJECT, FORMER_SUBJECT);
        assertThat(erasure.erasedAt()).isEqualTo(Instant.parse("2026-11-27T14:05:09.123Z"));
    }
}
