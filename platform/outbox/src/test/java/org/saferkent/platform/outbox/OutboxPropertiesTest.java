package org.saferkent.platform.outbox;

import java.time.Duration;

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

/** A setting the relay cannot work with stops start-up, and the start-up report names it. */
@ExtendWith(OutputCaptureExtension.class)
class OutboxPropertiesTest {

    @Test
    void aBatchSizeOfZeroStopsStartUpNamingTheSetting(CapturedOutput output) {
        // with 0 documents claimed per round, the relay's sweep never finished
        assertThatThrownBy(() -> start("--saferkent.outbox.batch-size=0")).isNotNull();
        assertThat(output).contains("saferkent.outbox.batch-size").contains("must be greater than 0");
    }

    @Test
    void aNegativeSweepIntervalStopsStartUpNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start("--saferkent.outbox.sweep-interval=-2s")).isNotNull();
        assertThat(output).contains("saferkent.outbox.sweep-interval");
    }

    @Test
    void aNegativeBacklogThresholdStopsStartUpNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start("--saferkent.outbox.backlog.threshold=-5")).isNotNull();
        assertThat(output).contains("saferkent.outbox.backlog.threshold");
    }

    @Test
    void sensibleSettingsStart() {
        try (ConfigurableApplicationContext context = start("--saferkent.outbox.batch-size=1",
                "--saferkent.outbox.backlog.threshold=0")) {
            OutboxProperties outbox = context.getBean(OutboxProperties.class);
            assertThat(outbox.batchSize()).isEqualTo(1);
            assertThat(outbox.publishTimeout()).isEqualTo(Duration.ofSeconds(15));
            assertThat(context.getBean(OutboxBacklogProperties.class).threshold()).isZero();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(PropertiesOnly.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(args);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({OutboxProperties.class, OutboxBacklogProperties.class})
    static class PropertiesOnly {
    }
}
