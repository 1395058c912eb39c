package org.saferkent.referrals;

import java.time.Clock;

import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.AggregateStores;
import org.saferkent.referrals.referral.application.ReferralIntake;
import org.saferkent.referrals.referral.domain.Referral;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReferralsProperties.class)
class ReferralsConfiguration {

    @Bean
    AggregateStore<Referral> referralStore(AggregateStores stores, ReferralsProperties properties) {
        return stores.create("referrals", properties.topic(), Referral.class);
    }

    @Bean
    ReferralIntake referralIntake(AggregateStore<Referral> referralStore, Clock clock) {
        return new ReferralIntake(referralStore, clock);
    }
}
