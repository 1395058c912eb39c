package org.saferkent.platform.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.RealInfrastructure;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Where the master keys come from: configuration, or — for the embedded stack and tests only, switched on by
 * {@code saferkent.development-defaults=true} — the development key; any other start without configured keys
 * is refused.
 */
class DataProtectionAutoConfigurationIT {

    private static final MongoClient CLIENT = MongoClients.create(RealInfrastructure.get().mongoUri());
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataProtectionAutoConfiguration.class))
            .withBean(MongoTemplate.class, () -> new MongoTemplate(CLIENT, "data-protection-config-it"));

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Test
    void withoutConfiguredKeysTheEmbeddedStackUsesTheDevelopmentKey() {
        runner.withPropertyValues("saferkent.development-defaults=true")
                .run(context -> assertThat(context.getBean(MasterKeys.class).activeId()).isEqualTo(MasterKeys.DEVELOPMENT_KEY_ID));
    }

    @Test
    void withoutConfiguredKeysOrTheDevelopmentSwitchAStartIsRefusedNamingTheSettings() {
        runner.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("saferkent.data-protection.master-keys must be configured")
                .hasMessageContaining("saferkent.development-defaults=true"));
    }

    @Test
    void configuredKeysAreUsedAndTheActiveOneWrapsNewKeys() {
        runner.withPropertyValues("saferkent.data-protection.master-keys.old=" + KEY, "saferkent.data-protection.master-keys.new=" + KEY,
                "saferkent.data-protection.active-master-key=new", "saferkent.data-protection.require-master-keys=true")
                .run(context -> {
                    MasterKeys keys = context.getBean(MasterKeys.class);
                    assertThat(keys.ids()).containsExactlyInAnyOrder("old", "new");
                    assertThat(keys.activeId()).isEqualTo("new");
                    assertThat(context.getBean(PersonalDataVault.class)).isNotNull();
                });
    }

    @Test
    void aProductionStartWithoutConfiguredKeysIsRefused() {
        runner.withPropertyValues("saferkent.data-protection.require-master-keys=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("master-keys must be configured"));
        runner.withPropertyValues("spring.profiles.active=production")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("master-keys must be configured"));
    }

    @Test
    void aMalformedKeyIsRefusedWithoutShowingIt() {
        runner.withPropertyValues("saferkent.data-protection.master-keys.k1=" + Base64.getEncoder().encodeToString(new byte[16]))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("k1").hasMessageContaining("256 bits"));
    }
}
