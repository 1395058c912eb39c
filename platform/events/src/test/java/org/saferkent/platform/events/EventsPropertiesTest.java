package org.saferkent.platform.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventsPropertiesTest {

    @Test
    void aShapeThatCannotWorkStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> new EventsProperties(0, (short) 1, 1)).hasMessageContaining("saferkent.kafka.partitions");
        assertThatThrownBy(() -> new EventsProperties(3, (short) 0, 1)).hasMessageContaining("saferkent.kafka.replication-factor");
        assertThatThrownBy(() -> new EventsProperties(3, (short) 3, 4)).hasMessageContaining("saferkent.kafka.min-insync-replicas");
    }

    @Test
    void aClusterShapeIsAccepted() {
        assertThat(new EventsProperties(6, (short) 3, 2).minInsyncReplicas()).isEqualTo(2);
    }
}
