package org.saferkent.partnership.panel;

import org.saferkent.partnership.framework.application.PerformanceFramework;
import org.saferkent.partnership.panel.adapter.in.messaging.FeedEntry;
import org.saferkent.partnership.panel.application.CommissioningFigures;
import org.saferkent.partnership.panel.application.PanelView;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.saferkent.platform.messaging.EventConsumer;
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

    @Bean
    EventConsumer panelCommissioningFeed(CommissioningFigures figures) {
        return EventConsumer.routing().on("commissioning.PerformanceSnapshot.v1", FeedEntry.class, event -> figures.record(
                event.payload().sequence(), event.payload().key(), event.payload().district(), event.payload().quarter(),
                Boolean.TRUE.equals(event.payload().removed()) || event.payload().performance() == null,
                event.payload().performance() == null ? null : event.payload().performance().counts()));
    }
}
