package org.saferkent.rj.contract;

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
 * Runs after the other integration tests of this module and holds everything restorative-justice
 * actually published while they ran to the event catalogue (contracts/schemas/rj).
 */
@Order(Integer.MAX_VALUE)
class RjEventCatalogueIT {

    private static final Set<String> PUBLISHED_TYPES = Set.of("rj.RjCaseOpened.v1", "rj.RjConsentRecorded.v1",
            "rj.RjConsentWithdrawn.v1", "rj.RjRiskAssessed.v1", "rj.RjConferenceHeld.v1", "rj.RjOutcomeRecorded.v1",
            "rj.RjCaseClosed.v1", "rj.DisposalRecorded.v1", "rj.FirstTimeEntrantRecorded.v1");

    @Test
    void everyRecordRestorativeJusticePublishedMatchesTheCatalogue() {
        List<ConsumerRecord<String, byte[]>> published = new ArrayList<>(TopicRecords.readAll("rj.case.events"));
        published.addAll(TopicRecords.readAll("rj.disposal.events"));
        Set<String> types = new TreeSet<>();
        for (ConsumerRecord<String, byte[]> record : published) {
            assertThat(EventCatalogue.violations(record)).as(record.topic() + "@" + record.offset()).isEmpty();
            types.add(TopicRecords.header(record, CloudEventHeaders.TYPE));
        }
        assertThat(types).containsAll(PUBLISHED_TYPES);
    }
}
