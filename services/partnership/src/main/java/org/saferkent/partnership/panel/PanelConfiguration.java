package org.saferkent.partnership.panel;

import java.util.ArrayList;
import java.util.List;

import org.saferkent.partnership.framework.application.PerformanceFramework;
import org.saferkent.partnership.panel.adapter.in.messaging.FeedEntry;
import org.saferkent.partnership.panel.application.CommissioningFigures;
import org.saferkent.partnership.panel.application.PanelView;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.messaging.EventBatchConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The Police and Crime Panel's view; partnership.yml binds {@code panelCommissioningFeed} to commissioning.feed. */
@Configuration(proxyBeanMethods = false)
public class PanelConfiguration {

    @Bean
    CommissioningFigures commissioningFigures(MongoTemplate mongo) {
        return new CommissioningFigures(mongo);
    }

    @Bean
    PanelView panelView(PerformanceFramework performanceFramework, CommissioningFigures commissioningFigures,
            DisclosureControl disclosureControl) {
        return new PanelView(performanceFramework, commissioningFigures, disclosureControl);
    }

    /**
     * The feed's entries, a poll at a time: staged, then per key the latest written by one bulk write (an entry the
     * Panel cannot place is skipped; an unreadable one is dead-lettered alone).
     */
    @Bean
    EventBatchConsumer<List<CommissioningFigures.Entry>> panelCommissioningFeed(CommissioningFigures figures) {
        return EventBatchConsumer.<List<CommissioningFigures.Entry>>routing(ArrayList::new, entries -> figures.recordAll(entries))
                .onWithTombstones("commissioning.PerformanceSnapshot.v1", FeedEntry.class, (batch, event) -> {
                    FeedEntry entry = event.payload() != null ? event.payload() : removal(event.metadata());
                    CommissioningFigures.Entry staged = figures.entry(entry.sequence(), entry.key(), entry.district(),
                            entry.quarter(), Boolean.TRUE.equals(entry.removed()) || entry.performance() == null,
                            entry.performance() == null ? null : entry.performance().counts());
                    if (staged != null) {
                        batch.add(staged);
                    }
                });
    }

    /**
     * A tombstone (the cell is gone: a contract no longer covers it, or a rebuild of commissioning's projection dropped
     * it): the key {@code <contractId>|<district>|<quarter>} is the envelope's subject, the sequence its aggregate version.
     */
    static FeedEntry removal(EventMetadata metadata) {
        String key = metadata.subject();
        String[] parts = key == null ? new String[0] : key.split("\\|", -1);
        boolean placed = parts.length == 3;
        return new FeedEntry(metadata.aggregateVersion() > 0 ? metadata.aggregateVersion() : null, key, placed ? parts[0] : null,
                placed ? parts[1] : null, placed ? parts[2] : null, true, null);
    }
}
