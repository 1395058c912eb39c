package org.saferkent.commissioning;

import java.time.Clock;
import java.util.List;

import org.saferkent.commissioning.activity.adapter.in.messaging.ActivityRoutes;
import org.saferkent.commissioning.activity.adapter.in.messaging.ActivityRoutes.Route;
import org.saferkent.commissioning.activity.application.ActivityProjection.EventRef;
import org.saferkent.commissioning.activity.application.FactsChanged;
import org.saferkent.commissioning.activity.application.LiveFacts;
import org.saferkent.commissioning.activity.application.PartnershipActivity;
import org.saferkent.commissioning.activity.application.StagedFacts;
import org.saferkent.commissioning.activity.application.ProjectionVersions;
import org.saferkent.commissioning.contract.application.Contracts;
import org.saferkent.commissioning.contract.domain.Contract;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.saferkent.platform.messaging.EventBatchConsumer;
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
    LiveFacts liveFacts(IdempotentWrites writes, ProjectionVersions projectionVersions, FactsChanged factsChanged) {
        return LiveFacts.following(writes, projectionVersions, factsChanged);
    }

    // Each consumer takes a whole poll (batch mode, at most max.poll.records): its events' fact changes are
    // staged, then written by one bulk write per fact collection (LiveFacts.applyAll), not one write per event.

    @Bean
    EventBatchConsumer<StagedFacts> referralEvents(CommissioningProperties properties, ActivityRoutes activityRoutes, LiveFacts liveFacts) {
        return subscribe(properties.referralsTopic(), activityRoutes, liveFacts, properties);
    }

    @Bean
    EventBatchConsumer<StagedFacts> victimCaseEvents(CommissioningProperties properties, ActivityRoutes activityRoutes, LiveFacts liveFacts) {
        return subscribe(properties.victimsTopic(), activityRoutes, liveFacts, properties);
    }

    @Bean
    EventBatchConsumer<StagedFacts> rjCaseEvents(CommissioningProperties properties, ActivityRoutes activityRoutes, LiveFacts liveFacts) {
        return subscribe(properties.rjTopic(), activityRoutes, liveFacts, properties);
    }

    @Bean
    EventBatchConsumer<StagedFacts> disposalEvents(CommissioningProperties properties, ActivityRoutes activityRoutes, LiveFacts liveFacts) {
        return subscribe(properties.disposalTopic(), activityRoutes, liveFacts, properties);
    }

    private static EventBatchConsumer<StagedFacts> subscribe(String topic, ActivityRoutes routes, LiveFacts facts,
            CommissioningProperties properties) {
        EventBatchConsumer<StagedFacts> subscription = EventBatchConsumer.routing(
                () -> new StagedFacts(properties.rjPathway()), staged -> facts.applyAll(staged.changes()));
        for (Route<?> route : routes.byTopic().getOrDefault(topic, List.of())) {
            on(subscription, route);
        }
        return subscription;
    }

    private static <T> void on(EventBatchConsumer<StagedFacts> subscription, Route<T> route) {
        subscription.on(route.wireName(), route.payloadType(), (staged, event) ->
                route.handler().apply(staged.projection(), new EventRef(event.id(), event.metadata().time()), event.payload()));
    }
}
