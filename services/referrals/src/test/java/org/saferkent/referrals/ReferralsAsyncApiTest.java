package org.saferkent.referrals;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.saferkent.contracts.AsyncApiDocument;
import org.saferkent.contracts.ServiceWiring;

import static org.assertj.core.api.Assertions.assertThat;

/** Referrals' entries in contracts/asyncapi.yaml are what its code publishes and subscribes to. */
class ReferralsAsyncApiTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.read();

    /** A referral's life on the referral topic; data protection's facts (erasures) on the subject topic. */
    @Test
    void sendsExactlyTheEventTypesItDeclares() {
        Map<String, Set<String>> sends = DOC.messagesOf("referrals", "send");
        Set<String> dataProtection = ServiceWiring.eventTypesUnder("org.saferkent.referrals.dataprotection");
        Set<String> referralLife = new TreeSet<>(ServiceWiring.eventTypesUnder("org.saferkent.referrals"));
        referralLife.removeAll(dataProtection);

        assertThat(sends).containsOnlyKeys("referrals.referral.events", "referrals.subject.events");
        assertThat(sends.get("referrals.referral.events")).isEqualTo(referralLife);
        assertThat(sends.get("referrals.subject.events")).isEqualTo(dataProtection).containsExactly("referrals.SubjectErased.v1");
    }

    @Test
    void receivesExactlyWhatItSubscribesTo() {
        assertThat(ServiceWiring.subscriptions(ReferralsConfiguration.class, "referrals.yml"))
                .isEqualTo(DOC.messagesOf("referrals", "receive"));
    }
}
