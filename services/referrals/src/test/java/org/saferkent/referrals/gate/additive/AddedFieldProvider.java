package org.saferkent.referrals.gate.additive;

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
import org.saferkent.contracts.PactGate;
import org.saferkent.referrals.contract.ReferralMessages;

/**
 * Referrals as it would be with a new optional field {@code channel} in
 * ReferralRouted. Not run by Surefire itself (no Test suffix): {@code ReferralsVerificationGateTest}
 * runs it and expects it to pass.
 */
@Provider("referrals")
@PactFolder("../../contracts/pacts")
public class AddedFieldProvider {

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void keepsTheConsumersPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of("org.saferkent.referrals.gate.additive")));
    }

    @PactVerifyProvider("referrals.ReferralRouted.v1")
    MessageAndMetadata referralRouted() {
        return PactGate.withBody(ReferralMessages.referralRouted(), body -> body.put("channel", "online-form"));
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
