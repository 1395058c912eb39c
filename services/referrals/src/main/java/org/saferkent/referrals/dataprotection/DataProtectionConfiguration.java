package org.saferkent.referrals.dataprotection;

import java.time.Clock;

import org.saferkent.platform.dataprotection.DataProtectionProperties;
import org.saferkent.platform.dataprotection.RetentionWatermarks;
import org.saferkent.platform.dataprotection.SubjectKeys;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.AggregateStores;
import org.saferkent.platform.service.PeriodicTask;
import org.saferkent.referrals.ReferralsProperties;
import org.saferkent.referrals.referral.adapter.out.persistence.PersonalDetailsStore;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex;
import org.saferkent.referrals.referral.domain.Referral;
import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Erasure on request (announced on the subject topic) and the retention purge. */
@Configuration(proxyBeanMethods = false)
class DataProtectionConfiguration {

    @Bean
    AggregateStore<Erasure> erasureStore(AggregateStores stores, ReferralsProperties properties) {
        return stores.create("erasures", properties.subjectTopic(), Erasure.class);
    }

    @Bean
    Erasures erasures(Pseudonymiser pseudonymiser, SubjectIndex index, PersonalDetailsStore details, SubjectKeys keys,
            AggregateStore<Erasure> erasureStore, Clock clock) {
        return new Erasures(pseudonymiser, index, details, keys, erasureStore, clock);
    }

    @Bean
    RetentionPurge retentionPurge(MongoTemplate mongo, AggregateStore<Referral> referralStore, SubjectIndex index,
            SubjectKeys keys, RetentionWatermarks watermarks, DataProtectionProperties properties, Clock clock) {
        return new RetentionPurge(mongo, referralStore.collection(), index, keys, watermarks, properties.retention().afterClosure(),
                clock);
    }

    /** Lazy: every few hours by default; a subject's details outlive the period by at most one interval. */
    @Bean
    @ConditionalOnProperty(name = "saferkent.data-protection.retention.enabled", matchIfMissing = true)
    PeriodicTask retentionPurgeTask(RetentionPurge purge, DataProtectionProperties properties) {
        return new PeriodicTask("retention-purge", properties.retention().scanInterval(), purge::purge);
    }
}
