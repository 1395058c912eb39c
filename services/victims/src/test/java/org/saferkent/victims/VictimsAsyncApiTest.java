package org.saferkent.victims;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.saferkent.contracts.AsyncApiDocument;
import org.saferkent.contracts.ServiceWiring;

import static org.assertj.core.api.Assertions.assertThat;

/** Victims' entries in contracts/asyncapi.yaml are what its code publishes and subscribes to. */
class VictimsAsyncApiTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.read();

    @Test
    void sendsExactlyTheEventTypesItDeclares() {
        Map<String, Set<String>> sends = DOC.messagesOf("victims", "send");

        assertThat(sends).containsOnlyKeys("victims.case.events");
        assertThat(sends.get("victims.case.events")).isEqualTo(ServiceWiring.eventTypesUnder("org.saferkent.victims"));
    }

    /** Case work's subscriptions and data protection's (erasures announced by referrals), together. */
    @Test
    void receivesExactlyWhatItSubscribesTo() throws ClassNotFoundException {
        Map<String, Set<String>> subscribed = new TreeMap<>(ServiceWiring.subscriptions(VictimsConfiguration.class, "victims.yml"));
        ServiceWiring.subscriptions(Class.forName("org.saferkent.victims.dataprotection.DataProtectionConfiguration"), "victims.yml")
                .forEach((topic, wireNames) -> subscribed.merge(topic, wireNames, (a, b) -> {
                    Set<String> both = new TreeSet<>(a);
                    both.addAll(b);
                    return both;
                }));

        assertThat(subscribed).containsKey("referrals.subject.events");
        assertThat(subscribed).isEqualTo(DOC.messagesOf("victims", "receive"));
    }
}
