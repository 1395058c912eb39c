package org.saferkent.platform.dataprotection;

import java.time.Clock;
import java.util.Arrays;

import org.saferkent.platform.service.DevelopmentDefaults;
import org.saferkent.platform.service.PeriodicTask;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Master keys from configuration, the subjects' data keys in the service's own database, the vault the
 * personal data stores seal with, the retention purges' watermarks, and the lazy re-wrap job that moves data keys to the active master key.
 */
@AutoConfiguration
@EnableConfigurationProperties(DataProtectionProperties.class)
public class DataProtectionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MasterKeys masterKeys(DataProtectionProperties properties, Environment environment) {
        if (properties.masterKeys() == null || properties.masterKeys().isEmpty()) {
            boolean production = Arrays.asList(environment.getActiveProfiles()).contains("production");
            if (properties.requireMasterKeys() || production || !DevelopmentDefaults.enabled(environment)) {
                throw new IllegalStateException("saferkent.data-protection.master-keys must be configured "
                        + "(set SAFERKENT_DATAPROTECTION_MASTERKEYS_<ID> and SAFERKENT_DATAPROTECTION_ACTIVEMASTERKEY); "
                        + "the published development key is only for the embedded local stack and tests ("
                        + DevelopmentDefaults.PROPERTY + "=true)");
            }
            LoggerFactory.getLogger(DataProtectionAutoConfiguration.class).warn(
                    "No master key configured: using the local development key ({}=true). Never run real personal data like this.",
                    DevelopmentDefaults.PROPERTY);
            return MasterKeys.development();
        }
        return MasterKeys.fromBase64(properties.masterKeys(), properties.activeMasterKey());
    }

    @Bean
    @ConditionalOnMissingBean
    SubjectKeys subjectKeys(MongoTemplate mongo, MasterKeys masterKeys, ObjectProvider<Clock> clock,
            DataProtectionProperties properties) {
        return new SubjectKeys(mongo, masterKeys, clock.getIfAvailable(Clock::systemUTC), properties.keyCache().size(),
                properties.keyCache().ttl());
    }

    /** How far each retention purge of the service has come. */
    @Bean
    @ConditionalOnMissingBean
    RetentionWatermarks retentionWatermarks(MongoTemplate mongo) {
        return new RetentionWatermarks(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    PersonalDataVault personalDataVault(SubjectKeys keys) {
        return new PersonalDataVault(keys);
    }

    /** Erased personal data asked for over HTTP: 410 Gone. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ErasedPersonalDataProblems erasedPersonalDataProblems() {
        return new ErasedPersonalDataProblems();
    }

    /** Moves data keys still wrapped by an older master key to the active one, a batch at a time. */
    @Bean
    PeriodicTask subjectKeyRewrap(SubjectKeys keys, DataProtectionProperties properties) {
        return new PeriodicTask("subject-key-rewrap", properties.rewrapInterval(), () -> keys.rewrap(properties.rewrapBatch()));
    }
}
