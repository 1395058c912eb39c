package org.saferkent.rj;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.saferkent.platform.messaging.EventBatchConsumer;
import org.saferkent.platform.messaging.EventConsumer;
import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.saferkent.platform.service.DevelopmentDefaults;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.AggregateStores;
import org.saferkent.rj.dataprotection.RjErasures;
import org.saferkent.rj.dataprotection.SubjectErasure;
import org.saferkent.rj.rjcase.adapter.in.messaging.RoutedReferral;
import org.saferkent.rj.rjcase.adapter.in.messaging.VictimOptIn;
import org.saferkent.rj.rjcase.application.CaseWork;
import org.saferkent.rj.rjcase.application.RjCases;
import org.saferkent.rj.rjcase.domain.DirectContactPolicy;
import org.saferkent.rj.rjcase.domain.RjCase;
import org.saferkent.rj.youthjustice.application.Disposals;
import org.saferkent.rj.youthjustice.application.YouthJusticeMeasures;
import org.saferkent.rj.youthjustice.domain.OffendingHistory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RjProperties.class)
class RestorativeJusticeConfiguration {

    @Bean
    AggregateStore<RjCase> rjCaseStore(AggregateStores stores, RjProperties properties) {
        return stores.create("rj_cases", properties.topic(), RjCase.class);
    }

    /** One person's disposals per document, keyed (and published) by their pseudonym. */
    @Bean
    AggregateStore<OffendingHistory> offendingHistoryStore(AggregateStores stores, RjProperties properties) {
        return stores.create("offending_histories", properties.disposalTopic(), OffendingHistory.class);
    }

    @Bean
    RjCases rjCases(AggregateStore<RjCase> rjCaseStore, MongoTemplate mongo, RjProperties properties, Clock clock) {
        return new RjCases(rjCaseStore, mongo, properties.pathways(), new DirectContactPolicy(properties.sensitiveCategories()),
                clock);
    }

    @Bean
    CaseWork caseWork(AggregateStore<RjCase> rjCaseStore, Clock clock) {
        return new CaseWork(rjCaseStore, clock);
    }

    @Bean
    Disposals disposals(AggregateStore<OffendingHistory> offendingHistoryStore, MongoTemplate mongo, Clock clock) {
        return new Disposals(offendingHistoryStore, mongo, clock);
    }

    /**
     * The partnership's keying of people, as referrals does it (platform/pseudonyms): a disposal posted with the
     * person's details becomes the person's pseudonym here, and the details go no further. The published
     * development secret is refused unless the development defaults are on (the local stack, tests).
     */
    @Bean
    Pseudonymiser pseudonymiser(RjProperties properties, Environment environment) {
        Pseudonymiser pseudonymiser = Pseudonymiser.configured("saferkent.rj.pseudonym-secret", properties.pseudonymSecret(),
                properties.previousPseudonymSecrets());
        if (Pseudonymiser.DEVELOPMENT_SECRET.equals(properties.pseudonymSecret()) && !DevelopmentDefaults.enabled(environment)) {
            throw new IllegalStateException("saferkent.rj.pseudonym-secret (SAFERKENT_PSEUDONYM_SECRET) is not set: "
                    + "the published development secret is only for the embedded local stack and tests ("
                    + DevelopmentDefaults.PROPERTY + "=true)");
        }
        return pseudonymiser;
    }

    @Bean
    YouthJusticeMeasures youthJusticeMeasures(MongoTemplate mongo, AggregateStore<OffendingHistory> offendingHistoryStore,
            RjProperties properties, RjCases cases, Clock clock) {
        return new YouthJusticeMeasures(mongo, offendingHistoryStore.collection(), properties.youthPopulation().checked(),
                properties.youthPopulation().illustrative(), cases::offendersWhoTookPart, clock);
    }

    /**
     * Referrals' routings, a poll at a time (binding {@code referralEvents-in-0} in batch mode): the poll's flags are
     * kept first with one bulk write ({@link RjCases#keepFlags}), then each routing's case is opened or told, event by
     * event, exactly once ({@link RjCases#routedWithFlagsKept}). An unreadable routing, or one whose case fails, is
     * retried or dead-lettered alone; the rest of its poll is handled.
     */
    @Bean
    EventBatchConsumer<List<RjCases.ReferralFlags>> referralEvents(RjCases cases) {
        return EventBatchConsumer.<List<RjCases.ReferralFlags>>routing(ArrayList::new, flags -> cases.keepFlags(flags))
                .on("referrals.ReferralRouted.v1", RoutedReferral.class, (flags, event) -> {
                    RoutedReferral routed = event.payload();
                    flags.add(new RjCases.ReferralFlags(routed.referralId(), routed.district(), routed.category(), routed.flags()));
                }, event -> {
                    RoutedReferral routed = event.payload();
                    cases.routedWithFlagsKept(event.id(), routed.referralId(), routed.district(), routed.category(),
                            routed.flags(), routed.pathway(), routed.subjectRole(), routed.subjectPseudonym());
                });
    }

    @Bean
    EventConsumer victimCaseEvents(RjCases cases) {
        return EventConsumer.routing()
                .on("victims.VictimOptedIntoRestorativeJustice.v1", VictimOptIn.class, event -> {
                    VictimOptIn optIn = event.payload();
                    cases.victimOptedIn(event.id(), optIn.caseId(), optIn.referralId(), optIn.district(), optIn.category(),
                            optIn.subjectPseudonym());
                });
    }

    @Bean
    RjErasures rjErasures(MongoTemplate mongo, AggregateStore<RjCase> rjCaseStore,
            AggregateStore<OffendingHistory> offendingHistoryStore, Clock clock) {
        return new RjErasures(mongo, rjCaseStore.collection(), offendingHistoryStore.collection(), clock);
    }

    /** Erasures announced by referrals: everything here keyed to the person is made anonymous ({@link RjErasures}). */
    @Bean
    EventConsumer subjectErasures(RjErasures erasures) {
        return EventConsumer.routing()
                .on("referrals.SubjectErased.v1", SubjectErasure.class, event -> erasures.erased(event.id(), event.payload()));
    }
}
