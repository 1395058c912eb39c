package org.saferkent.partnership.framework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saferkent.partnership.agreement.AgreementProperties;
import org.saferkent.partnership.framework.domain.Measure;
import org.saferkent.partnership.framework.domain.Target;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The framework's and the agreement's settings are checked at start-up: the shipped partnership.yml starts, and a bad
 * setting stops the start with a message naming it. Properties only: no store, broker or web server.
 */
class FrameworkPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues("spring.config.name=partnership")
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void theShippedSettingsStartWithEachMeasuresDefaultTarget() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            FrameworkProperties framework = context.getBean(FrameworkProperties.class);
            assertThat(framework.disposalTopic()).isEqualTo("rj.disposal.events");
            assertThat(framework.resolved().get(Measure.RJ_SATISFACTION)).isEqualTo(new Target(85, true, 5));
            assertThat(context.getBean(AgreementProperties.class).scanInterval()).hasMinutes(1);
        });
    }

    @Test
    void aTargetSetInPartKeepsTheRestOfTheMeasuresDefault() {
        runner.withPropertyValues("saferkent.partnership.framework.targets.rj-completion.percent=75").run(context ->
                assertThat(context.getBean(FrameworkProperties.class).resolved().get(Measure.RJ_COMPLETION))
                        .as("still higher is better, amber 10").isEqualTo(new Target(75, true, 10)));
    }

    @Test
    void aTargetAboveAHundredPercentStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("saferkent.partnership.framework.targets.rj-completion.percent=120").run(context ->
                // as Spring names the setting it binds (the map key in brackets)
                assertThat(failure(context)).contains("saferkent.partnership.framework.targets[rj-completion].percent")
                        .contains("must be a percentage, from 0 to 100"));
    }

    @Test
    void aNegativeAmberMarginStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("saferkent.partnership.framework.targets.rj-satisfaction.amber-margin=-1").run(context ->
                assertThat(failure(context)).contains("saferkent.partnership.framework.targets[rj-satisfaction].amberMargin")
                        .contains("must be percentage points, from 0 to 100"));
    }

    @Test
    void aTargetForNoMeasureStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("saferkent.partnership.framework.targets.burglaries.percent=50").run(context ->
                assertThat(failure(context)).contains("saferkent.partnership.framework.targets.burglaries is not one of the "
                        + "framework's measures"));
    }

    @Test
    void aBlankTopicStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("saferkent.partnership.framework.disposal-topic= ").run(context ->
                assertThat(failure(context)).contains("saferkent.partnership.framework.disposal-topic").contains("must not be blank"));
    }

    @Test
    void aZeroAgreementScanIntervalStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("saferkent.partnership.agreement.scan-interval=0s").run(context ->
                assertThat(failure(context)).contains("saferkent.partnership.agreement.scan-interval"));
    }

    /** The start's failure as the operator reads it: every message down the chain of causes. */
    private static String failure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
            if (t instanceof org.springframework.boot.context.properties.bind.validation.BindValidationException invalid) {
                invalid.getValidationErrors().forEach(error -> messages.append(error).append('\n'));
            }
        }
        return messages.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({FrameworkProperties.class, AgreementProperties.class})
    static class PropertiesOnly {
    }
}
