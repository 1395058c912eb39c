package org.saferkent.referrals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.saferkent.platform.dataprotection.PersonalDataVault;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.messaging.EventBatchConsumer;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.platform.outbox.AggregateStores;
import org.saferkent.platform.service.DevelopmentDefaults;
import org.saferkent.platform.service.PeriodicTask;
import org.saferkent.platform.workingdays.WorkingDayCalendar;
import org.saferkent.referrals.referral.adapter.in.messaging.CaseEvent;
import org.saferkent.referrals.referral.adapter.in.web.ReferralsWebSettings;
import org.saferkent.referrals.referral.adapter.out.persistence.PersonalDetailsStore;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex;
import org.saferkent.referrals.referral.application.CaseFeedback;
import org.saferkent.referrals.referral.application.IntakeSteps;
import org.saferkent.referrals.referral.application.ReferralClocks;
import org.saferkent.referrals.referral.application.ReferralIntake;
import org.saferkent.referrals.referral.application.ReferralQueries;
import org.saferkent.referrals.referral.application.SubjectLinks;
import org.saferkent.referrals.referral.application.TriagePolicy;
import org.saferkent.referrals.referral.application.UnfinishedIntakes;
import org.saferkent.referrals.referral.domain.Referral;
import org.saferkent.referrals.triage.domain.DashThresholds;
import org.saferkent.referrals.triage.domain.DuplicateRules;
import org.saferkent.referrals.triage.domain.MaracRules;
import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.saferkent.referrals.triage.domain.RiskLevel;
import org.saferkent.referrals.triage.domain.RoutingRule;
import org.saferkent.referrals.triage.domain.RoutingTable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReferralsProperties.class)
class ReferralsConfiguration {

    @Bean
    AggregateStore<Referral> referralStore(AggregateStores stores, ReferralsProperties properties) {
        return stores.create("referrals", properties.topic(), Referral.class);
    }

    @Bean
    SubjectIndex subjectIndex(MongoTemplate mongo) {
        return new SubjectIndex(mongo);
    }

    @Bean
    PersonalDetailsStore personalDetailsStore(MongoTemplate mongo, PersonalDataVault vault, AggregateStore<Referral> referralStore) {
        return new PersonalDetailsStore(mongo, vault, referralStore.collection());
    }

    /** Published in referrals.yml: the embedded local stack's and the tests' secret, refused anywhere else. */
    static final String DEVELOPMENT_PSEUDONYM_SECRET = Pseudonymiser.DEVELOPMENT_SECRET;

    /** The current partnership secret makes every new pseudonym; previous ones only recognise earlier subjects. */
    @Bean
    Pseudonymiser pseudonymiser(ReferralsProperties properties, Environment environment) {
        Pseudonymiser pseudonymiser = Pseudonymiser.configured("saferkent.referrals.pseudonym-secret",
                properties.pseudonymSecret(), properties.previousPseudonymSecrets());
        if (DEVELOPMENT_PSEUDONYM_SECRET.equals(properties.pseudonymSecret()) && !DevelopmentDefaults.enabled(environment)) {
            throw new IllegalStateException("saferkent.referrals.pseudonym-secret (SAFERKENT_PSEUDONYM_SECRET) is not set: "
                    + "the published development secret is only for the embedded local stack and tests ("
                    + DevelopmentDefaults.PROPERTY + "=true)");
        }
        return pseudonymiser;
    }

    @Bean
    UnfinishedIntakes unfinishedIntakes(MongoTemplate mongo, AggregateStore<Referral> referralStore, SubjectIndex subjects,
            PersonalDetailsStore personalDetails, ReferralsProperties properties, ObjectProvider<IntakeSteps> steps, Clock clock) {
        return new UnfinishedIntakes(mongo, referralStore.collection(), subjects, personalDetails,
                properties.intake().inFlightGrace(), steps.getIfAvailable(() -> IntakeSteps.NONE), clock);
    }

    /** Histories (and personal details) left by intakes that died, for subjects nobody refers again. */
    @Bean
    PeriodicTask unfinishedIntakeSettlement(UnfinishedIntakes unfinished, ReferralsProperties properties) {
        return new PeriodicTask("unfinished-intakes", properties.intake().settleInterval(), unfinished::settleAll);
    }

    @Bean
    TriagePolicy triagePolicy(ReferralsProperties properties, SubjectIndex subjects, Pseudonymiser pseudonymiser,
            UnfinishedIntakes unfinished) {
        RoutingTable routing = properties.routing() == null || properties.routing().isEmpty()
                ? RoutingTable.kentDefaults()
                : new RoutingTable(properties.routing().stream().map(r -> new RoutingRule(r.name(), r.categories(), r.risks(),
                        r.roles(), r.minAge(), r.maxAge(), r.pathways())).toList());
        return new TriagePolicy(
                pseudonymiser,
                new DashThresholds(properties.dash().high(), properties.dash().medium()),
                new MaracRules(properties.marac().repeatWindow(), properties.marac().escalationIncidents(),
                        properties.marac().escalationWindow()),
                new DuplicateRules(properties.duplicates().sameCategoryWindow()),
                routing, subjects, unfinished);
    }

    @Bean
    ReferralIntake referralIntake(AggregateStore<Referral> referralStore, PersonalDetailsStore personalDetails,
            TriagePolicy triage, WorkingDayCalendar calendar, ReferralsProperties properties, ObjectProvider<IntakeSteps> steps,
            Clock clock) {
        Map<RiskLevel, Integer> triageDays = new EnumMap<>(RiskLevel.class);
        if (properties.clocks().triageWorkingDays() != null) {
            triageDays.putAll(properties.clocks().triageWorkingDays());
        }
        return new ReferralIntake(referralStore, personalDetails, triage, calendar,
                properties.clocks().victimDetailsWorkingDays(), triageDays, steps.getIfAvailable(() -> IntakeSteps.NONE), clock);
    }

    @Bean
    SubjectLinks subjectLinks(SubjectIndex subjects, UnfinishedIntakes unfinished, AggregateStore<Referral> referralStore) {
        return new SubjectLinks(subjects, unfinished, id -> referralStore.find(id).map(Loaded::state));
    }

    @Bean
    ReferralQueries referralQueries(MongoTemplate mongo, AggregateStore<Referral> referralStore) {
        return new ReferralQueries(mongo, referralStore.collection());
    }

    @Bean
    ReferralsWebSettings referralsWebSettings(ReferralsProperties properties) {
        return new ReferralsWebSettings(properties.batchMaxSize(), properties.claimCheck().clientId(),
                java.util.Set.copyOf(properties.claimCheck().pathways()));
    }

    @Bean
    CaseFeedback caseFeedback(AggregateStore<Referral> referralStore, Clock clock) {
        return new CaseFeedback(referralStore, clock);
    }

    /**
     * Victim cases: opened = accepted, closed (with outcome) feed back onto the referral. Victims opens a
     * case for every referral routed to it and publishes no decline (a victim declining support closes
     * the case), so there is nothing else to hear. Consumed a whole poll at a time: one bulk write for
     * the poll's referrals ({@link CaseFeedback#applyAll}).
     */
    @Bean
    EventBatchConsumer<List<CaseFeedback.Feedback>> victimCaseEvents(CaseFeedback feedback) {
        return EventBatchConsumer.<List<CaseFeedback.Feedback>>routing(ArrayList::new, poll -> feedback.applyAll(poll))
                .on("victims.VictimCaseOpened.v1", CaseEvent.class, (poll, e) -> poll.add(feedback.opened(e.id(),
                        e.payload().referralId(), e.payload().pathwayOr("victim-support"), e.payload().caseId())))
                .on("victims.VictimCaseClosed.v1", CaseEvent.class, (poll, e) -> poll.add(feedback.closed(e.id(),
                        e.payload().referralId(), e.payload().pathwayOr("victim-support"), e.payload().caseId(),
                        e.payload().outcomeOrReason())));
    }

    /** Restorative justice cases likewise; only cases opened from a referral carry a referral id. */
    @Bean
    EventBatchConsumer<List<CaseFeedback.Feedback>> rjCaseEvents(CaseFeedback feedback) {
        return EventBatchConsumer.<List<CaseFeedback.Feedback>>routing(ArrayList::new, poll -> feedback.applyAll(poll))
                .on("rj.RjCaseOpened.v1", CaseEvent.class, (poll, e) -> {
                    if (e.payload().referralId() != null) {
                        poll.add(feedback.opened(e.id(), e.payload().referralId(), "restorative-justice", e.payload().caseId()));
                    }
                })
                .on("rj.RjCaseClosed.v1", CaseEvent.class, (poll, e) -> {
                    if (e.payload().referralId() != null) {
                        poll.add(feedback.closed(e.id(), e.payload().referralId(), "restorative-justice", e.payload().caseId(),
                                e.payload().outcomeOrReason()));
                    }
                });
    }

    @Bean
    ReferralClocks referralClocks(AggregateStore<Referral> referralStore, MongoTemplate mongo, EventSource source, Clock clock) {
        return new ReferralClocks(referralStore, mongo, source.serviceName(), clock);
    }

    /** Looks for missed deadlines on one daemon thread, lazily (once a minute by default). */
    @Bean
    PeriodicTask referralClockScan(ReferralClocks clocks, ReferralsProperties properties) {
        return new PeriodicTask("referral-clocks", properties.clocks().scanInterval(), clocks::recordBreaches);
    }
}
