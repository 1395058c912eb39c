package org.saferkent.referrals.contract;

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

/**
 * Referrals keeps every consumer's pact (contracts/pacts/*-referrals.json): each message is built
 * from referrals' own event record through the serialisation and headers its outbox publishes
 * ({@link ReferralMessages}), and Pact checks body and metadata. A failure here fails the build:
 * referrals cannot ship it.
 */
@Provider("referrals")
@PactFolder("../../contracts/pacts")
class ReferralsPactVerificationTest {

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void keepsTheConsumersPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of("org.saferkent.referrals.contract")));
    }

    @PactVerifyProvider("referrals.ReferralRouted.v1")
    MessageAndMetadata referralRouted() {
        return ReferralMessages.referralRouted();
    }

    @PactVerifyProvider("referrals.ReferralReceived.v1")
    MessageAndMetadata referralReceived() {
        return ReferralMessages.referralReceived();
    }

    @PactVerifyProvider("referrals.ReferralLinked.v1")
    MessageAndMetadata referralLinked() {
        return ReferralMessages.referralLinked();
    }

    @PactVerifyProvider("referrals.ReferralAccepted.v1")
    MessageAndMetadata referralAccepted() {
        return ReferralMessages.referralAccepted();
    }

    @PactVerifyProvider("referrals.ReferralDeclined.v1")
    MessageAndMetadata referralDeclined() {
        return ReferralMessages.referralDeclined();
    }

    @PactVerifyProvider("referrals.ReferralClosed.v1")
    MessageAndMetadata referralClosed() {
        return ReferralMessages.referralClosed();
    }

    @PactVerifyProvider("referrals.SubjectErased.v1")
    MessageAndMetadata subjectErased() {
        return ReferralMessages.subjectErased();
    }
}
