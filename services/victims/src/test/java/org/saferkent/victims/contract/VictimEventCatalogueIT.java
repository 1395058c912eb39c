package org.saferkent.victims.contract;

import java.util.ArrayList;
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
 * Runs after the other integration tests of this module and holds everything victims actually
 * published while they ran to the event catalogue (contracts/schemas/victims, ops).
 */
@Order(Integer.MAX_VALUE)
class VictimEventCatalogueIT {

    private static final Set<String> PUBLISHED_TYPES = Set.of("victims.VictimCaseOpened.v1", "victims.VictimContacted.v1",
            "victims.VictimNeedsAssessed.v1", "victims.VictimReferredToProvider.v1",
            "victims.VictimOptedIntoRestorativeJustice.v1", "victims.VictimOutcomeRecorded.v1",
            "victims.VictimCodeDeadlineMissed.v1", "victims.VictimCodeDeadlineBreachWithdrawn.v1", "victims.VictimCaseClosed.v1");

    @Test
    void everyRecordVictimsPublishedMatchesTheCatalogue() {
        List<ConsumerRecord<String, byte[]>> published = new ArrayList<>(TopicRecords.readAll("victims.case.events"));
        published.addAll(TopicRecords.matching("ops.events", TopicRecords.headerEquals(CloudEventHeaders.SOURCE, "/saferkent/victims")));
        Set<String> types = new TreeSet<>();
        for (ConsumerRecord<String, byte[]> record : published) {
            assertThat(EventCatalogue.violations(record)).as(record.topic() + "@" + record.offset()).isEmpty();
            types.add(TopicRecords.header(record, CloudEventHeaders.TYPE));
        }
        assertThat(types).containsAll(PUBLISHED_TYPES).contains("ops.SlaBreached.v1");
    }
}
