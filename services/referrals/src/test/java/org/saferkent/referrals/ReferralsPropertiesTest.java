package org.saferkent.referrals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Referrals' own settings (referrals.yml) are checked at start-up: a bad or missing one stops it, named. */
@ExtendWith(OutputCaptureExtension.class)
class ReferralsPropertiesTest {

    @Test
    void theShippedSettingsStart() {
        try (ConfigurableApplicationContext context = start("--spring.config.name=" + ReferralsApplication.NAME)) {
            ReferralsProperties referrals = context.getBean(ReferralsProperties.class);
            assertThat(referrals.topic()).isEqualTo("referrals.referral.events");
            assertThat(referrals.dash().high()).isEqualTo(14);
        }
    }

    @Test
    void aMissingTopicStopsStartUpNamingTheSetting(CapturedOutput output) {
        // no referrals.yml: nothing says where referral events go
        assertThatThrownBy(() -> start("--spring.config.name=none")).isNotNull();
        assertThat(output).contains("saferkent.referrals.topic").contains("must not be blank");
    }

    @Test
    void aNegativeBatchSizeStopsStartUpNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.config.name=" + ReferralsApplication.NAME,
                "--saferkent.referrals.batch-max-size=-1")).isNotNull();
        assertThat(output).contains("saferkent.referrals.batch-max-size").contains("must be greater than 0");
    }

    @Test
    void aHighDashThresholdNotAboveMediumStopsStartUpNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.config.name=" + ReferralsApplication.NAME,
                "--saferkent.referrals.dash.high=10")).isNotNull();
        assertThat(output).contains("saferkent.referrals.dash.high must be above saferkent.referrals.dash.medium (10)");
    }

    @Test
    void aNegativeMaracWindowStopsStartUpNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.config.name=" + ReferralsApplication.NAME,
                "--saferkent.referrals.marac.repeat-window=-3m")).isNotNull();
        assertThat(output).contains("saferkent.referrals.marac.repeat-window must not be negative");
    }

    private static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(PropertiesOnly.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(args);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReferralsProperties.class)
    static class PropertiesOnly {
    }
}
