package org.saferkent.victims;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.saferkent.platform.dataprotection.PersonalDataVault;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.messaging.EventBatchConsumer;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.AggregateStores;
import org.saferkent.platform.workingdays.WorkingDayCalendar;
import org.saferkent.victims.victimcase.adapter.in.messaging.LinkedReferral;
import org.saferkent.victims.victimcase.adapter.in.messaging.RoutedReferral;
import org.saferkent.victims.victimcase.adapter.out.persistence.VictimDetailsStore;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.saferkent.victims.victimcase.adapter.out.referrals.ReferralsSubjectClient;
import org.saferkent.victims.victimcase.application.CaseWork;
import org.saferkent.victims.victimcase.application.PendingLinks;
import org.saferkent.victims.victimcase.application.PersonalDetailsRetrieval;
import org.saferkent.victims.victimcase.application.SubjectDetailsSource;
import org.saferkent.victims.victimcase.application.VictimCaseQueries;
import org.saferkent.victims.victimcase.application.VictimCases;
import org.saferkent.victims.victimcase.application.VictimCodeDeadlines;
import org.saferkent.victims.victimcase.domain.EntitlementRules;
import org.saferkent.victims.victimcase.domain.VictimCase;
import org.saferkent.victims.victimcase.domain.VictimCodeTimeLimits;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.saferkent.platform.service.security.ClientCredentialsTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.web.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VictimsProperties.class)
class VictimsConfiguration {

    @Bean
    AggregateStore<VictimCase> victimCaseStore(AggregateStores stores, VictimsProperties properties) {
        return stores.create("victim_cases", properties.topic(), VictimCase.class);
    }

    @Bean
    VictimCaseQueries victimCaseQueries(MongoTemplate mongo, AggregateStore<VictimCase> victimCaseStore) {
        VictimCaseQueries queries = new VictimCaseQueries(mongo, victimCaseStore);
        int stored = queries.storeQueueOrder(); // cases stored before the queue's order was kept
        if (stored > 0) {
            LoggerFactory.getLogger(VictimsConfiguration.class).info("The queue's order stored on {} open case(s)", stored);
        }
        return queries;
    }

    @Bean
    VictimDetailsStore victimDetailsStore(MongoTemplate mongo, PersonalDataVault vault, AggregateStore<VictimCase> victimCaseStore) {
        return new VictimDetailsStore(mongo, vault, victimCaseStore.collection());
    }

    @Bean
    EntitlementRules entitlementRules(VictimsProperties properties) {
        var categories = properties.entitlement().mostSeriousCategories();
        return categories == null || categories.isEmpty() ? EntitlementRules.victimsCode2020() : new EntitlementRules(categories);
    }

    @Bean
    VictimCodeTimeLimits victimCodeTimeLimits(WorkingDayCalendar calendar, VictimsProperties properties) {
        VictimsProperties.Clocks clocks = properties.clocks();
        return new VictimCodeTimeLimits(calendar, clocks.firstContactEnhancedWorkingDays(),
                clocks.firstContactStandardWorkingDays(), clocks.rjInformationEnhancedWorkingDays(),
                clocks.rjInformationStandardWorkingDays());
    }

    @Bean
    ReferralsSubjectClient referralsSubjectClient(VictimsProperties properties, ObjectProvider<ClientCredentialsTokens> tokens,
            ObjectProvider<RestClient.Builder> restClient) {
        VictimsProperties.Details details = properties.details();
        return new ReferralsSubjectClient(new ReferralsSubjectClient.Settings(properties.referralsBaseUrl(),
                details.connectTimeout(), details.timeout(), details.attempts(), details.backoff(),
                details.failureRateThreshold(), details.minimumCalls(), details.openFor(), details.maxConcurrentCalls()),
                tokens.getIfAvailable(), restClient.getIfAvailable(RestClient::builder));
    }

    /** The claim check's breaker, retry and bulkhead in Prometheus ({@code resilience4j_circuitbreaker_*}, ...). */
    @Bean
    io.micrometer.core.instrument.binder.MeterBinder claimCheckResilienceMetrics(ReferralsSubjectClient referralsSubjectClient) {
        return referralsSubjectClient.metrics();
    }

    /** As a bean, the claim check's breaker is reported on ops.events whenever its state changes. */
    @Bean
    CircuitBreaker referralsSubjectCircuitBreaker(ReferralsSubjectClient referralsSubjectClient) {
        return referralsSubjectClient.circuitBreaker();
    }

    /**
     * A small pool for fetching details right after a case opens: never the Kafka consumer's thread.
     * Held in its own type so that Spring Boot's application task executor does not stand aside for it.
     */
    static final class DetailsFetchThreads implements DisposableBean {

        private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

        DetailsFetchThreads(int threads, int queue) {
            executor.setCorePoolSize(threads);
            executor.setMaxPoolSize(threads);
            executor.setQueueCapacity(queue);
            executor.setThreadNamePrefix("victim-details-");
            executor.setDaemon(true);
            // the fetch runs in the trace of the event that opened the case: the claim check is a span of it
            executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
            executor.initialize();
        }

        @Override
        public void destroy() {
            executor.shutdown();
        }
    }

    @Bean
    DetailsFetchThreads detailsFetchThreads(VictimsProperties properties) {
        return new DetailsFetchThreads(properties.details().fetchThreads(), properties.details().fetchQueue());
    }

    @Bean
    PersonalDetailsRetrieval personalDetailsRetrieval(AggregateStore<VictimCase> victimCaseStore, MongoTemplate mongo,
            VictimDetailsStore victimDetailsStore, SubjectDetailsSource referralsSubjectClient,
            DetailsFetchThreads detailsFetchThreads, VictimsProperties properties, Clock clock) {
        return new PersonalDetailsRetrieval(victimCaseStore, mongo, victimDetailsStore, referralsSubjectClient,
                detailsFetchThreads.executor, properties.details().fetchThreads(), properties.details().fetchQueue(),
                properties.details().retryBatch(), clock);
    }

    @Bean
    VictimCases victimCases(AggregateStore<VictimCase> victimCaseStore, VictimsProperties properties,
            EntitlementRules entitlementRules, VictimCodeTimeLimits victimCodeTimeLimits,
            PersonalDetailsRetrieval personalDetailsRetrieval, MongoTemplate mongo, Clock clock) {
        return new VictimCases(victimCaseStore, properties.pathways(), entitlementRules, victimCodeTimeLimits,
                personalDetailsRetrieval, new PendingLinks(mongo, clock), clock);
    }

    @Bean
    CaseWork caseWork(AggregateStore<VictimCase> victimCaseStore, EventSource source, Clock clock) {
        return new CaseWork(victimCaseStore, source.serviceName(), clock);
    }

    @Bean
    VictimCodeDeadlines victimCodeDeadlines(AggregateStore<VictimCase> victimCaseStore, MongoTemplate mongo,
            EventSource source, Clock clock) {
        return new VictimCodeDeadlines(victimCaseStore, mongo, source.serviceName(), clock);
    }

    /**
     * Referrals' events, a whole poll at a time: the poll's routings open their cases in one store write,
     * then each routing and link is handled on its own, in order (a pathway joining its case, duplicates
     * joining theirs), as one by one.
     */
    @Bean
    EventBatchConsumer<List<AggregateStore.New<VictimCase>>> referralEvents(VictimCases cases) {
        return EventBatchConsumer.<List<AggregateStore.New<VictimCase>>>routing(ArrayList::new, openings -> cases.openAll(openings))
                .on("referrals.ReferralRouted.v1", RoutedReferral.class, (openings, event) -> {
                    RoutedReferral routed = event.payload();
                    // the routing's own time (or, should a producer leave it out, the event's): never the time we read it
                    AggregateStore.New<VictimCase> opening = cases.opening(routed.referralId(), routed.district(),
                            routed.category(), routed.pathway(), routed.profile(),
                            routed.routedAt() != null ? routed.routedAt() : event.metadata().time());
                    if (opening != null) {
                        openings.add(opening);
                    }
                }, event -> cases.routed(event.id(), event.payload().referralId(), event.payload().pathway()))
                .on("referrals.ReferralLinked.v1", LinkedReferral.class, (openings, event) -> {
                }, event -> cases.referralLinked(event.id(), event.payload().referralId(), event.payload().linkedTo()));
    }

    /**
     * One small scheduler thread for the lazy background work: the Victims' Code deadline scan (once
     * a minute by default) and the retry of personal details still pending (every 30 s).
     */
    @Bean(destroyMethod = "shutdown")
    TaskScheduler victimsScheduler(VictimCodeDeadlines deadlines, PersonalDetailsRetrieval details,
            VictimsProperties properties) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("victims-background-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(() -> guarded("Deadline scan", deadlines::recordMissedDeadlines),
                properties.clocks().scanInterval());
        scheduler.scheduleWithFixedDelay(() -> guarded("Personal details retry", details::fillPending),
                properties.details().retryInterval());
        return scheduler;
    }

    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(VictimsConfiguration.class).warn("{} failed: {}", what, e.toString());
        }
    }
}
