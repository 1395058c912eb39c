package org.saferkent.devstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saferkent.commissioning.CommissioningApplication;
import org.saferkent.commissioning.CommissioningProperties;
import org.saferkent.identity.IdentityApplication;
import org.saferkent.identity.IdentityProperties;
import org.saferkent.ops.OpsMonitorApplication;
import org.saferkent.ops.OpsProperties;
import org.saferkent.platform.dataprotection.DataProtectionProperties;
import org.saferkent.platform.events.EventsProperties;
import org.saferkent.platform.messaging.MessagingProperties;
import org.saferkent.platform.messaging.ops.OpsEventsProperties;
import org.saferkent.platform.outbox.OutboxBacklogProperties;
import org.saferkent.platform.outbox.OutboxProperties;
import org.saferkent.platform.workingdays.CalendarProperties;
import org.saferkent.referrals.ReferralsApplication;
import org.saferkent.referrals.ReferralsProperties;
import org.saferkent.rj.RestorativeJusticeApplication;
import org.saferkent.rj.RjProperties;
import org.saferkent.victims.VictimsApplication;
import org.saferkent.victims.VictimsProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every service's shipped settings (its {@code <name>.yml}) pass the bounds its {@code @ConfigurationProperties}
 * declare, and a bad override stops start-up naming the setting. Binds the settings only: no broker, no store.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShippedSettingsTest {

    private static final List<Class<?>> PLATFORM = List.of(EventsProperties.class, OutboxProperties.class,
            OutboxBacklogProperties.class, MessagingProperties.class, OpsEventsProperties.class, CalendarProperties.class,
            DataProtectionProperties.class);

    /** Each service's own properties, read from its {@code <name>.yml}. */
    private static final Map<String, Class<?>> OWN = Map.of(ReferralsApplication.NAME, ReferralsProperties.class,
            VictimsApplication.NAME, VictimsProperties.class, RestorativeJusticeApplication.NAME, RjProperties.class,
            CommissioningApplication.NAME, CommissioningProperties.class, OpsMonitorApplication.NAME, OpsProperties.class,
            IdentityApplication.NAME, IdentityProperties.class);

    /** What binds them with the platform's: one configuration per service. */
    private static final Map<String, Class<?>> SETTINGS = Map.of(ReferralsApplication.NAME, ReferralsSettings.class,
            VictimsApplication.NAME, VictimsSettings.class, RestorativeJusticeApplication.NAME, RjSettings.class,
            CommissioningApplication.NAME, CommissioningSettings.class, OpsMonitorApplication.NAME, OpsSettings.class,
            IdentityApplication.NAME, IdentitySettings.class);

    @ParameterizedTest
    @ValueSource(strings = {ReferralsApplication.NAME, VictimsApplication.NAME, RestorativeJusticeApplication.NAME,
            CommissioningApplication.NAME, OpsMonitorApplication.NAME, IdentityApplication.NAME})
    void eachServiceStartsWithItsShippedSettings(String service) {
        try (ConfigurableApplicationContext context = start(service)) {
            for (Class<?> properties : PLATFORM) {
                assertThat(context.getBean(properties)).isNotNull();
            }
            assertThat(context.getBean(OWN.get(service))).isNotNull();
        }
    }

    @Test
    void noAttemptsAtFetchingAVictimsDetailsStopsStartUpNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start(VictimsApplication.NAME, "--saferkent.victims.details.attempts=0")).isNotNull();
        assertThat(output).contains("saferkent.victims.details.attempts").contains("must be greater than 0");
    }

    @Test
    void aNegativeDebounceStopsStartUpNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start(CommissioningApplication.NAME, "--saferkent.commissioning.performance.debounce=-1s"))
                .isNotNull();
        assertThat(output).contains("saferkent.commissioning.performance.debounce");
    }

    @Test
    void aZeroRetentionPeriodStopsStartUpNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start(ReferralsApplication.NAME, "--saferkent.data-protection.retention.after-closure=P0D"))
                .isNotNull();
        assertThat(output).contains("saferkent.data-protection.retention.after-closure must be a positive period");
    }

    @Test
    void restorativeJusticeWithNoPathwaysStopsStartUpNamingTheSetting(CapturedOutput output) {
        // no pathway would ever open a case
        assertThatThrownBy(() -> start(RestorativeJusticeApplication.NAME, "--saferkent.rj.pathways=")).isNotNull();
        assertThat(output).contains("saferkent.rj.pathways").contains("must not be empty");
    }

    @Test
    void anEmptyDurationFallsBackToItsDefault() {
        try (ConfigurableApplicationContext context = start(OpsMonitorApplication.NAME, "--saferkent.messaging.retry-initial=")) {
            assertThat(context.getBean(MessagingProperties.class).retryInitial()).isEqualTo(Duration.ofMillis(200));
        }
    }

    private static ConfigurableApplicationContext start(String service, String... overrides) {
        SpringApplication application = new SpringApplication(SETTINGS.get(service));
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] args = new String[overrides.length + 1];
        args[0] = "--spring.config.name=" + service;
        System.arraycopy(overrides, 0, args, 1, overrides.length);
        return application.run(args);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({EventsProperties.class, OutboxProperties.class, OutboxBacklogProperties.class,
            MessagingProperties.class, OpsEventsProperties.class, CalendarProperties.class, DataProtectionProperties.class})
    static class PlatformSettings {
    }

    @Configuration(proxyBeanMethods = false)
    @Import(PlatformSettings.class)
    @EnableConfigurationProperties(ReferralsProperties.class)
    static class ReferralsSettings {
    }

    @Configuration(proxyBeanMethods = false)
    @Import(PlatformSettings.class)
    @EnableConfigurationProperties(VictimsProperties.class)
    static class VictimsSettings {
    }

    @Configuration(proxyBeanMethods = false)
    @Import(PlatformSettings.class)
    @EnableConfigurationProperties(RjProperties.class)
    static class RjSettings {
    }

    @Configuration(proxyBeanMethods = false)
    @Import(PlatformSettings.class)
    @EnableConfigurationProperties(CommissioningProperties.class)
    static class CommissioningSettings {
    }

    @Configuration(proxyBeanMethods = false)
    @Import(PlatformSettings.class)
    @EnableConfigurationProperties(OpsProperties.class)
    static class OpsSettings {
    }

    @Configuration(proxyBeanMethods = false)
    @Import(PlatformSettings.class)
    @EnableConfigurationProperties(IdentityProperties.class)
    static class IdentitySettings {
    }
}
