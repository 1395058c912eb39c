package org.saferkent.referrals;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.saferkent.contracts.AsyncApiDocument;
import org.saferkent.contracts.ServiceWiring;

import static org.assertj.core.api.Assertions.assertThat;

/** Referrals' entries in contracts/asyncapi.yaml are what its code publishes and subscribes to. */
class ReferralsAsyncApiTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.read();
    /**
     * Subscribed to, but published by no one: victims has no decline event (it opens a case for every
     * referral routed to it). Harmless to a tolerant consumer; listed here so that a new one is seen.
     */
    private static final Set<String> NOT_PUBLISHED = Set.of("victims.VictimCaseDeclined.v1");

    @Test
    void sendsExactlyTheEventTypesItDeclares() {
        Map<String, Set<String>> sends = DOC.messagesOf("referrals", "send");

        assertThat(sends).containsOnlyKeys("referrals.referral.events");
        assertThat(sends.get("referrals.referral.events")).isEqualTo(ServiceWiring.eventTypesUnder("org.saferkent.referrals"));
    }

    @Test
    void receivesExactlyWhatItSubscribesTo() {
        Map<String, Set<String>> subscribed = new TreeMap<>();
        ServiceWiring.subscriptions(ReferralsConfiguration.class, "referrals.yml").forEach((topic, wireNames) -> {
            Set<String> published = new TreeSet<>(wireNames);
            published.removeAll(NOT_PUBLISHED);
            subscribed.put(topic, published);
        });

        assertThat(subscribed).isEqualTo(DOC.messagesOf("referrals", "receive"));
    }
}
