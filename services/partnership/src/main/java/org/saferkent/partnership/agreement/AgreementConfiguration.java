package org.saferkent.partnership.agreement;

import java.time.Clock;

import org.saferkent.partnership.agreement.application.ActionDeadlines;
import org.saferkent.partnership.agreement.application.CommunitySafetyAgreements;
import org.saferkent.partnership.agreement.domain.CommunitySafetyAgreement;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.AggregateStores;
import org.saferkent.platform.service.PeriodicTask;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The Community Safety Agreement and its action plan: events on {@code saferkent.partnership.agreement.topic}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgreementProperties.class)
class AgreementConfiguration {

    @Bean
    AggregateStore<CommunitySafetyAgreement> agreementStore(AggregateStores stores, AgreementProperties properties) {
        return stores.create("community_safety_agreements", properties.topic(), CommunitySafetyAgreement.class);
    }

    @Bean
    ActionDeadlines actionDeadlines(AggregateStore<CommunitySafetyAgreement> agreementStore, MongoTemplate mongo,
            EventSource source, Clock clock) {
        return new ActionDeadlines(agreementStore, mongo, source.serviceName(), clock);
    }

    /** The overdue actions' scan: once a minute by default. */
    @Bean
    PeriodicTask actionDeadlineScan(ActionDeadlines actionDeadlines, AgreementProperties properties) {
        return new PeriodicTask("csa-action-scan", properties.scanInterval(), actionDeadlines::recordOverdueActions);
    }

    @Bean
    CommunitySafetyAgreements communitySafetyAgreements(AggregateStore<CommunitySafetyAgreement> agreementStore,
            MongoTemplate mongo, Clock clock) {
        return new CommunitySafetyAgreements(agreementStore, mongo, clock);
    }
}
