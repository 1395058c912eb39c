package org.saferkent.partnership.framework;

import java.util.ArrayList;
import java.util.List;

import org.saferkent.partnership.asbreview.application.AsbCaseReviews;
import org.saferkent.partnership.framework.adapter.in.messaging.RoutedReferral;
import org.saferkent.partnership.framework.adapter.in.messaging.FirstTimeEntry;
import org.saferkent.partnership.framework.adapter.in.messaging.RjClosure;
import org.saferkent.partnership.framework.adapter.in.messaging.RjOutcome;
import org.saferkent.partnership.framework.adapter.in.messaging.VictimContact;
import org.saferkent.partnership.framework.application.FrameworkFacts;
import org.saferkent.partnership.framework.application.FrameworkFacts.SubjectReferral;
import org.saferkent.partnership.framework.application.PerformanceFramework;
import org.saferkent.platform.messaging.EventBatchConsumer;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.saferkent.platform.messaging.IdempotentWrites.Change;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The performance framework: Spring Cloud Stream function bindings on the Kafka binder (partnership.yml binds
 * {@code frameworkReferrals}, {@code frameworkVictimCases}, {@code frameworkRjCases}, {@code frameworkFirstTimeEntrants}) keep its facts; the measures are
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

    // Batch mode (partnership.yml): each consumer stages a poll's events, then writes them with one bulk write per
    // collection, each event once, so a batch delivered again changes nothing.

    @Bean
    EventBatchConsumer<List<SubjectReferral>> frameworkReferrals(FrameworkFacts facts) {
        return EventBatchConsumer.<List<SubjectReferral>>routing(ArrayList::new, routed -> facts.referralsRouted(routed))
                .on("referrals.ReferralRouted.v1", RoutedReferral.class, (batch, event) -> add(batch, facts.referralRouted(
                        event.id(), event.payload().referralId(), event.payload().district(), event.payload().category(),
                        event.payload().subjectRole(), event.payload().subjectPseudonym(), event.payload().routedAt())));
    }

    @Bean
    EventBatchConsumer<List<Change>> frameworkVictimCases(FrameworkFacts facts) {
        return EventBatchConsumer.<List<Change>>routing(ArrayList::new, changes -> facts.applyFacts(changes))
                .on("victims.VictimContacted.v1", VictimContact.class, (batch, event) -> add(batch, facts.victimContacted(
                        event.id(), event.payload().caseId(), event.payload().district(), event.payload().firstContact(),
                        event.payload().withinTimeLimit(), event.payload().attemptedAt())));
    }

    @Bean
    EventBatchConsumer<List<Change>> frameworkRjCases(FrameworkFacts facts) {
        return EventBatchConsumer.<List<Change>>routing(ArrayList::new, changes -> facts.applyFacts(changes))
                .on("rj.RjCaseClosed.v1", RjClosure.class, (batch, event) -> add(batch, facts.rjCaseClosed(
                        event.id(), event.payload().caseId(), event.payload().district(), event.payload().closeReason(),
                        event.payload().closedAt())))
                .on("rj.RjOutcomeRecorded.v1", RjOutcome.class, (batch, event) -> add(batch, facts.rjOutcomeRecorded(
                        event.id(), event.payload().caseId(), event.payload().district(), event.payload().victimSatisfied(),
                        event.payload().recordedAt())));
    }

    /** First-time entrants, from RJ's youth justice disposals (rj.disposal.events; its other events are not read). */
    @Bean
    EventBatchConsumer<List<Change>> frameworkFirstTimeEntrants(FrameworkFacts facts) {
        return EventBatchConsumer.<List<Change>>routing(ArrayList::new, changes -> facts.applyFacts(changes))
                .on("rj.FirstTimeEntrantRecorded.v1", FirstTimeEntry.class, (batch, event) -> batch.addAll(
                        facts.firstTimeEntrantRecorded(event.id(), event.payload().disposalId(), event.payload().district(),
                                event.payload().disposalDate(), event.payload().supersedesDisposalId())));
    }

    /** Once per store: the facts stored before the financial year was kept get one where it can be known. */
    @Bean
    ApplicationRunner frameworkFinancialYearBackfill(FrameworkFacts facts) {
        return arguments -> facts.backfillFinancialYears();
    }

    /** Stages {@code staged} unless the event does not count (null). */
    private static <T> void add(List<T> batch, T staged) {
        if (staged != null) {
            batch.add(staged);
        }
    }
}
