package org.saferkent.referrals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.test.EventCatalogue;
import org.saferkent.platform.test.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after the other integration tests of this module and holds everything referrals actually
 * published while they ran to the event catalogue (contracts/schemas): headers, wire names, schemas, on
 * both its topics (a referral's life, and erasures on the subject topic).
 */
@Order(Integer.MAX_VALUE)
class ReferralEventCatalogueIT {

    /**
     * Every type a running referrals service can publish. Not ReferralDeclined: it answers a case
     * service's decline, and none publishes one (victims and restorative justice open a case for every
     * referral routed to them); its message is verified from the aggregate (ReferralMessages).
     */
    private static final Set<String> PUBLISHED_TYPES = Set.of("referrals.ReferralReceived.v1", "referrals.ReferralTriaged.v1",
            "referrals.ReferralRouted.v1", "referrals.ReferralLinked.v1", "referrals.ReferralAccepted.v1",
            "referrals.ReferralClosed.v1", "referrals.ReferralSlaBreached.v1", "referrals.SubjectErased.v1");

    @Test
    void everyRecordReferralsPublishedMatchesTheCatalogue() {
        List<ConsumerRecord<String, byte[]>> published = new java.util.ArrayList<>(TopicRecords.readAll("referrals.referral.events"));
        List<ConsumerRecord<String, byte[]>> erasures = TopicRecords.readAll("referrals.subject.events");
        assertThat(erasures).as("erasures announced on the subject topic").isNotEmpty()
                .allSatisfy(record -> assertThat(TopicRecords.header(record, CloudEventHeaders.TYPE)).isEqualTo("referrals.SubjectErased.v1"));
        published.addAll(erasures);
        published.addAll(TopicRecords.matching("ops.events", TopicRecords.headerEquals(CloudEventHeaders.SOURCE, "/saferkent/referrals")));
        Set<String> types = new TreeSet<>();
        for (ConsumerRecord<String, byte[]> record : published) {
            assertThat(EventCatalogue.violations(record)).as(record.topic() + "@" + record.offset()).isEmpty();
            types.add(TopicRecords.header(record, CloudEventHeaders.TYPE));
        }
        // every type referrals promises was exercised by this module's tests
        assertThat(types).containsAll(PUBLISHED_TYPES).contains("ops.SlaBreached.v1");
    }
}
