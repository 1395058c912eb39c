package org.saferkent.partnership.framework;

import org.saferkent.partnership.asbreview.application.AsbCaseReviews;
import org.saferkent.partnership.framework.adapter.in.messaging.RoutedReferral;
import org.saferkent.partnership.framework.adapter.in.messaging.RjClosure;
import org.saferkent.partnership.framework.adapter.in.messaging.VictimContact;
import org.saferkent.partnership.framework.application.FrameworkFacts;
import org.saferkent.partnership.framework.application.PerformanceFramework;
import org.saferkent.platform.messaging.EventConsumer;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The performance framework: Spring Cloud Stream function bindings on the Kafka binder (partnership.yml binds
 * {@code frameworkReferrals}, {@code frameworkVictimCases}, {@code frameworkRjCases}) keep its facts; the measures are
 * computed when asked.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FrameworkProperties.class)
public class FrameworkConfiguration {

    @Bean
    FrameworkFacts frameworkFacts(IdempotentWrites writes, MongoTemplate mongo) {
        return new FrameworkFacts(writes, mongo);
    }

    @Bean
    PerformanceFramework performanceFramework(MongoTemplate mongo, AsbCaseReviews asbCaseReviews, FrameworkProperties properties) {
        return new PerformanceFramework(mongo, asbCaseReviews, properties.resolved());
    }

    @Bean
    EventConsumer frameworkReferrals(FrameworkFacts facts) {
        return EventConsumer.routing().on("referrals.ReferralRouted.v1", RoutedReferral.class, event -> facts.referralRouted(
                event.id(), event.payload().referralId(), event.payload().district(), event.payload().category(),
                event.payload().subjectRole(), event.payload().subjectPseudonym(), event.payload().routedAt()));
    }

    @Bean
    EventConsumer frameworkVictimCases(FrameworkFacts facts) {
        return EventConsumer.routing().on("victims.VictimContacted.v1", VictimContact.class, event -> facts.victimContacted(
                event.id(), event.payload().caseId(), event.payload().district(), event.payload().firstContact(),
                event.payload().withinTimeLimit(), event.payload().attemptedAt()));
    }

    @Bean
    EventConsumer frameworkRjCases(FrameworkFacts facts) {
        return EventConsumer.routing().on("rj.RjCaseClosed.v1", RjClosure.class, event -> facts.rjCaseClosed(
                event.id(), event.payload().caseId(), event.payload().district(), event.payload().closeReason(),
                event.payload().closedAt()));
    }
}
