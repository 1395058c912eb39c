package org.saferkent.victims;

import java.time.Clock;

import org.saferkent.platform.messaging.Subscription;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.AggregateStores;
import org.saferkent.victims.victimcase.adapter.in.messaging.RoutedReferral;
import org.saferkent.victims.victimcase.application.VictimCases;
import org.saferkent.victims.victimcase.domain.VictimCase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VictimsProperties.class)
class VictimsConfiguration {

    @Bean
    AggregateStore<VictimCase> victimCaseStore(AggregateStores stores, VictimsProperties properties) {
        return stores.create("victim_cases", properties.topic(), VictimCase.class);
    }

    @Bean
    VictimCases victimCases(AggregateStore<VictimCase> victimCaseStore, VictimsProperties properties, Clock clock) {
        return new VictimCases(victimCaseStore, properties.pathways(), clock);
    }

    @Bean
    Subscription referralEvents(VictimsProperties properties, VictimCases cases) {
        return Subscription.to(properties.referralsTopic())
                .on("referrals.ReferralRouted.v1", RoutedReferral.class, event -> {
                    RoutedReferral routed = event.payload();
                    cases.referralRouted(routed.referralId(), routed.district(), routed.category(), routed.pathway());
                });
    }
}
