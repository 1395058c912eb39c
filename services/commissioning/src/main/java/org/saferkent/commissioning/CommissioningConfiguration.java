package org.saferkent.commissioning;

import org.saferkent.commissioning.activity.adapter.in.messaging.OpenedCase;
import org.saferkent.commissioning.activity.adapter.in.messaging.RoutedReferral;
import org.saferkent.commissioning.activity.application.PartnershipActivity;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.saferkent.platform.messaging.Subscription;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommissioningProperties.class)
class CommissioningConfiguration {

    @Bean
    PartnershipActivity partnershipActivity(MongoTemplate mongo, IdempotentWrites writes) {
        return new PartnershipActivity(mongo, writes);
    }

    @Bean
    Subscription referralEvents(CommissioningProperties properties, PartnershipActivity activity) {
        return Subscription.to(properties.referralsTopic())
                .on("referrals.ReferralRouted.v1", RoutedReferral.class, event -> activity.referralRouted(
                        event.id(), event.payload().referralId(), event.payload().district(), event.payload().pathway()));
    }

    @Bean
    Subscription victimCaseEvents(CommissioningProperties properties, PartnershipActivity activity) {
        return Subscription.to(properties.victimsTopic())
                .on("victims.VictimCaseOpened.v1", OpenedCase.class, event -> activity.caseOpened(
                        event.id(), event.payload().caseId(), event.payload().referralId(), event.payload().district(),
                        event.payload().pathway()));
    }

    @Bean
    Subscription rjCaseEvents(CommissioningProperties properties, PartnershipActivity activity) {
        return Subscription.to(properties.rjTopic())
                .on("rj.RjCaseOpened.v1", OpenedCase.class, event -> activity.caseOpened(
                        event.id(), event.payload().caseId(), event.payload().referralId(), event.payload().district(),
                        "restorative-justice"));
    }
}
