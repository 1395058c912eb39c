package org.saferkent.commissioning;

import java.time.Clock;
import java.util.List;

import org.saferkent.commissioning.activity.adapter.in.messaging.ActivityRoutes;
import org.saferkent.commissioning.activity.adapter.in.messaging.ActivityRoutes.Route;
import org.saferkent.commissioning.activity.application.ActivityProjection;
import org.saferkent.commissioning.activity.application.ActivityProjection.EventRef;
import org.saferkent.commissioning.activity.application.FactsChanged;
import org.saferkent.commissioning.activity.application.LiveFacts;
import org.saferkent.commissioning.activity.application.PartnershipActivity;
import org.saferkent.commissioning.activity.application.ProjectionVersions;
import org.saferkent.commissioning.contract.application.Contracts;
import org.saferkent.commissioning.contract.domain.Contract;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.saferkent.platform.messaging.EventConsumer;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.AggregateStores;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommissioningProperties.class)
class CommissioningConfiguration {

    // ---------------------------------------------------------------- contracts

    @Bean
    AggregateStore<Contract> contractStore(AggregateStores stores, CommissioningProperties properties) {
        return stores.create("contracts", properties.contractTopic(), Contract.class);
    }

    @Bean
    Contracts contracts(AggregateStore<Contract> contractStore, MongoTemplate mongo, Clock clock) {
        return new Contracts(contractStore, mongo, clock);
    }

    // ---------------------------------------------------------------- what the partnership did

    @Bean
    ProjectionVersions projectionVersions(MongoTemplate mongo) {
        return new ProjectionVersions(mongo);
    }

    @Bean
    PartnershipActivity partnershipActivity(MongoTemplate mongo, ProjectionVersions projectionVersions) {
        return new PartnershipActivity(mongo, projectionVersions);
    }

    @Bean
    ActivityRoutes activityRoutes(CommissioningProperties properties) {
        return ActivityRoutes.of(properties.referralsTopic(), properties.victimsTopic(), properties.rjTopic(),
                properties.disposalTopic());
    }

    @Bean
    ActivityProjection liveActivity(IdempotentWrites writes, MongoTemplate mongo, ProjectionVersions projectionVersions,
            FactsChanged factsChanged, CommissioningProperties properties) {
        return new ActivityProjection(LiveFacts.following(writes, projectionVersions, factsChanged), properties.rjPathway());
    }

    @Bean
    EventConsumer referralEvents(CommissioningProperties properties, ActivityRoutes activityRoutes, ActivityProjection liveActivity) {
        return subscribe(properties.referralsTopic(), activityRoutes, liveActivity);
    }

    @Bean
    EventConsumer victimCaseEvents(CommissioningProperties properties, ActivityRoutes activityRoutes, ActivityProjection liveActivity) {
        return subscribe(properties.victimsTopic(), activityRoutes, liveActivity);
    }

    @Bean
    EventConsumer rjCaseEvents(CommissioningProperties properties, ActivityRoutes activityRoutes, ActivityProjection liveActivity) {
        return subscribe(properties.rjTopic(), activityRoutes, liveActivity);
    }

    @Bean
    EventConsumer disposalEvents(CommissioningProperties properties, ActivityRoutes activityRoutes, ActivityProjection liveActivity) {
        return subscribe(properties.disposalTopic(), activityRoutes, liveActivity);
    }

    private static EventConsumer subscribe(String topic, ActivityRoutes routes, ActivityProjection projection) {
        EventConsumer subscription = EventConsumer.routing();
        for (Route<?> route : routes.byTopic().getOrDefault(topic, List.of())) {
            on(subscription, route, projection);
        }
        return subscription;
    }

    private static <T> void on(EventConsumer subscription, Route<T> route, ActivityProjection projection) {
        subscription.on(route.wireName(), route.payloadType(), event ->
                route.handler().apply(projection, new EventRef(event.id(), event.metadata().time()), event.payload()));
    }
}
