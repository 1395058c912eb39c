package org.saferkent.commissioning.performance.application;

import java.time.Clock;

import org.saferkent.commissioning.CommissioningProperties;
import org.saferkent.commissioning.activity.adapter.in.messaging.ActivityRoutes;
import org.saferkent.commissioning.activity.application.ProjectionVersions;
import org.saferkent.commissioning.contract.application.Contracts;
import org.saferkent.commissioning.performance.domain.PathwayScope;
import org.saferkent.commissioning.performance.domain.PccDisclosure;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.EventsProperties;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/** The performance projection, its feeds and its rebuild. */
@Configuration(proxyBeanMethods = false)
class PerformanceConfiguration {

    @Bean
    PathwayScope pathwayScope(CommissioningProperties properties) {
        return new PathwayScope(properties.rjPathway(), properties.firstTimeEntrantPathways());
    }

    /** The PCC office's figures: {@code saferkent.commissioning.disclosure-audience}, {@code pcc-office} unless set. */
    @Bean
    PccDisclosure pccDisclosure(DisclosureControl disclosureControl, CommissioningProperties properties) {
        return new PccDisclosure(disclosureControl, properties.disclosureAudience());
    }

    @Bean
    PerformanceStore performanceStore(MongoTemplate mongo, EventJson json, PccDisclosure pccDisclosure) {
        return new PerformanceStore(mongo, json.mapper(), new FeedSequence(mongo), pccDisclosure);
    }

    @Bean
    LiveFactsLoader liveFactsLoader(MongoTemplate mongo) {
        return new LiveFactsLoader(mongo);
    }

    @Bean
    PerformanceFeed performanceFeed(PerformanceStore performanceStore, ProjectionVersions versions) {
        return new PerformanceFeed(performanceStore, versions);
    }

    @Bean
    PerformanceRefresh performanceRefresh(MongoTemplate mongo, ProjectionVersions versions, Contracts contracts,
            PerformanceStore performanceStore, LiveFactsLoader liveFactsLoader, EventProducer producer, EventJson json,
            EventSource source, Clock clock, PathwayScope pathwayScope, CommissioningProperties properties,
            KafkaAdmin kafkaAdmin, EventsProperties kafka) {
        CommissioningProperties.Performance settings = properties.performance();
        SnapshotPublisher publisher = new SnapshotPublisher(performanceStore, producer, json, source, clock,
                properties.feedTopic(), properties.pccFeedTopic(), settings.publishBatch(), settings.publishTimeout(), () -> {
                    FeedTopic.declare(kafkaAdmin, properties.feedTopic(), kafka);
                    FeedTopic.declare(kafkaAdmin, properties.pccFeedTopic(), kafka);
                });
        PerformanceRefresh refresh = new PerformanceRefresh(mongo, versions, contracts::all, performanceStore, liveFactsLoader,
                publisher, new ProjectionLease(mongo, clock, "refresh"), pathwayScope, settings.dirtyBatch(), settings.lease(),
                settings.leaseRenewal());
        refresh.ensureIndexes();
        return refresh;
    }

    /**
     * Changed cells are recomputed and published shortly after facts change here (the debounce: the
     * changes of those few moments make one snapshot), and in a periodic sweep. Live fact writes tell it.
     */
    @Bean
    RefreshSchedule performanceRefreshSchedule(PerformanceRefresh performanceRefresh, CommissioningProperties properties) {
        CommissioningProperties.Performance settings = properties.performance();
        return new RefreshSchedule("commissioning-performance-refresh", settings.debounce(), settings.refreshInterval(),
                performanceRefresh::run, performanceRefresh::release);
    }

    @Bean
    @SuppressWarnings("unchecked")
    ProjectionRebuild projectionRebuild(MongoTemplate mongo, ConsumerFactory<?, ?> consumerFactory, EventJson json,
            ActivityRoutes activityRoutes, ProjectionVersions versions, IdempotentWrites writes, Contracts contracts,
            PerformanceStore performanceStore, LiveFactsLoader liveFactsLoader, PathwayScope pathwayScope, Clock clock,
            CommissioningProperties properties) {
        CommissioningProperties.Rebuild rebuild = properties.rebuild();
        return new ProjectionRebuild(mongo, (ConsumerFactory<String, byte[]>) consumerFactory, json, activityRoutes.byTopic(),
                versions, writes, contracts, performanceStore, liveFactsLoader, new ProjectionLease(mongo, clock, "rebuild"),
                pathwayScope, clock, new ProjectionRebuild.RebuildSettings(rebuild.pollRecords(), rebuild.writeBatch(),
                        rebuild.lease(), rebuild.leaseRenewal(), rebuild.waitForLease(), rebuild.timeout()));
    }
}
