package org.saferkent.platform.events;

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

@ExtendWith(OutputCaptureExtension.class)
class EventsPropertiesTest {

    @Test
    void noPartitionsStopsStartUpNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start("--saferkent.kafka.partitions=0")).isNotNull();
        assertThat(output).contains("saferkent.kafka.partitions").contains("must be greater than 0");
    }

    @Test
    void noReplicasStopsStartUpNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start("--saferkent.kafka.replication-factor=0")).isNotNull();
        assertThat(output).contains("saferkent.kafka.replication-factor").contains("must be greater than 0");
    }

    @Test
    void moreInSyncReplicasThanReplicasStopsStartUpNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start("--saferkent.kafka.replication-factor=3", "--saferkent.kafka.min-insync-replicas=4"))
                .isNotNull();
        assertThat(output).contains("saferkent.kafka.min-insync-replicas must be between 1 and the replication factor (3)");
    }

    @Test
    void aClusterShapeIsAccepted() {
        try (ConfigurableApplicationContext context = start("--saferkent.kafka.partitions=6",
                "--saferkent.kafka.replication-factor=3", "--saferkent.kafka.min-insync-replicas=2")) {
            EventsProperties shape = context.getBean(EventsProperties.class);
            assertThat(shape.partitions()).isEqualTo(6);
            assertThat(shape.minInsyncReplicas()).isEqualTo(2);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(PropertiesOnly.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(args);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EventsProperties.class)
    static class PropertiesOnly {
    }
}
