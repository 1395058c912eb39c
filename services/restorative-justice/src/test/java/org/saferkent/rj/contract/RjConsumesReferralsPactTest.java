package org.saferkent.rj.contract;

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
import org.saferkent.rj.dataprotection.SubjectErasure;
import org.saferkent.rj.rjcase.adapter.in.messaging.RoutedReferral;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.CloudEventExpectations.INSTANT;
import static org.saferkent.contracts.CloudEventExpectations.PSEUDONYM;
import static org.saferkent.contracts.CloudEventExpectations.cloudEvent;
import static org.saferkent.contracts.PactMessages.envelope;
import static org.saferkent.contracts.PactMessages.payload;

/** What restorative-justice needs from referrals (contracts/pacts/restorative-justice-referrals.json). */
@ConsumerPactTest
@PactTestFor(providerName = "referrals", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class RjConsumesReferralsPactTest {

    private static final String REFERRAL_ID = "a3b2c1d0-1111-4222-8333-944455556666";
    private static final String SUBJECT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String FORMER_SUBJECT = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    private static final String ERASURE_ID = "c5d4e3f2-3333-4444-8555-b66677778888";

    @Pact(consumer = "restorative-justice")
    MessagePact referralRouted(MessagePactBuilder builder) {
        return builder.expectsToReceive("referrals.ReferralRouted.v1")
                .withMetadata(cloudEvent("referrals.ReferralRouted.v1", "/saferkent/referrals", "^.+$", REFERRAL_ID))
                .withContent(newJsonBody(body -> {
                    body.stringType("referralId", REFERRAL_ID);
                    body.stringType("district", "canterbury");
                    body.stringType("category", "violent-crime");
                    body.minArrayLike("flags", 0, PactDslJsonRootValue.stringType("repeat-victim"), 1);
                    body.stringType("pathway", "restorative-justice");
                    body.stringType("subjectRole", "victim");
                    body.stringMatcher("subjectPseudonym", PSEUDONYM, SUBJECT);
                }).build())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "referralRouted")
    void aReferralRoutedToRestorativeJusticeCanOpenACase(List<Message> messages) {
        RoutedReferral routed = payload(messages.get(0), RoutedReferral.class);

        assertThat(envelope(messages.get(0)).type()).isEqualTo("referrals.ReferralRouted.v1");
        assertThat(routed.referralId()).isEqualTo(REFERRAL_ID);
        assertThat(routed.pathway()).isEqualTo("restorative-justice");
        assertThat(routed.district()).isEqualTo("canterbury");
        assertThat(routed.category()).isEqualTo("violent-crime");
        assertThat(routed.flags()).containsExactly("repeat-victim");
        assertThat(routed.subjectRole()).isEqualTo("victim");
        assertThat(routed.subjectPseudonym()).isEqualTo(SUBJECT);
    }

    /** Erasure: every pseudonym the person has had (the current one and those under earlier secrets), and when. */
    @Pact(consumer = "restorative-justice")
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
    @PactTestFor(pactMethod = "subjectErased")
    void anErasureNamesEveryPseudonymOfThePersonToMakeAnonymous(List<Message> messages) {
        SubjectErasure erasure = payload(messages.get(0), SubjectErasure.class);

        assertThat(envelope(messages.get(0)).type()).isEqualTo("referrals.SubjectErased.v1");
        assertThat(erasure.erasureId()).isEqualTo(ERASURE_ID);
        assertThat(erasure.pseudonyms()).containsExactly(SUBJECT, FORMER_SUBJECT);
        assertThat(erasure.erasedAt()).isEqualTo(Instant.parse("2026-11-27T14:05:09.123Z"));
    }
}
