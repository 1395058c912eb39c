package org.saferkent.victims.dataprotection;

import java.time.Clock;

import org.saferkent.platform.dataprotection.DataProtectionProperties;
import org.saferkent.platform.dataprotection.RetentionWatermarks;
import org.saferkent.platform.dataprotection.SubjectKeys;
import org.saferkent.platform.messaging.EventConsumer;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.service.PeriodicTask;
import org.saferkent.victims.victimcase.adapter.out.persistence.VictimDetailsStore;
import org.saferkent.victims.victimcase.domain.VictimCase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Erasures heard from referrals, and victims' own retention purge. */
@Configuration(proxyBeanMethods = false)
class DataProtectionConfiguration {

    @Bean
    VictimErasures victimErasures(SubjectKeys keys, VictimDetailsStore details) {
        return new VictimErasures(keys, details);
    }

    /** Unreadable or incomplete erasure events go to the dead-letter topic like every subscription's. */
    @Bean
    EventConsumer subjectErasures(VictimErasures erasures) {
        return EventConsumer.routing()
                .on("referrals.SubjectErased.v1", SubjectErasure.class, event -> erasures.erased(event.id(), event.payload()));
    }

    @Bean
    VictimRetentionPurge victimRetentionPurge(MongoTemplate mongo, AggregateStore<VictimCase> victimCaseStore, SubjectKeys keys,
            RetentionWatermarks watermarks, DataProtectionProperties properties, Clock clock) {
        return new VictimRetentionPurge(mongo, victimCaseStore.collection(), keys, watermarks, properties.retention().afterClosure(),
                clock);
    }

    @Bean
    @ConditionalOnProperty(name = "saferkent.data-protection.retention.enabled", matchIfMissing = true)
    PeriodicTask victimRetentionPurgeTask(VictimRetentionPurge purge, DataProtectionProperties properties) {
        return new PeriodicTask("retention-purge", properties.retention().scanInterval(), purge::purge);
    }
}
