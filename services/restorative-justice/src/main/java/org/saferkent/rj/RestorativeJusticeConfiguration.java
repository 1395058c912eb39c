package org.saferkent.rj;

import java.time.Clock;

import org.saferkent.platform.messaging.Subscription;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.AggregateStores;
import org.saferkent.rj.rjcase.adapter.in.messaging.RoutedReferral;
import org.saferkent.rj.rjcase.application.RjCases;
import org.saferkent.rj.rjcase.domain.RjCase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RjProperties.class)
class RestorativeJusticeConfiguration {

    @Bean
    AggregateStore<RjCase> rjCaseStore(AggregateStores stores, RjProperties properties) {
        return stores.create("rj_cases", properties.topic(), RjCase.class);
    }

    @Bean
    RjCases rjCases(AggregateStore<RjCase> rjCaseStore, RjProperties properties, Clock clock) {
        return new RjCases(rjCaseStore, properties.pathways(), clock);
    }

    @Bean
    Subscription referralEvents(RjProperties properties, RjCases cases) {
        return Subscription.to(properties.referralsTopic())
                .on("referrals.ReferralRouted.v1", RoutedReferral.class, event -> {
                    RoutedReferral routed = event.payload();
                    cases.referralRouted(routed.referralId(), routed.district(), routed.category(), routed.pathway());
                });
    }
}
